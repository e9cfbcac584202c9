import { describe, expect, it } from 'vitest';
import { dockerBuildOperator } from './definition';
import { dockerBuildArgs, dockerEnv, dockerPushArgs } from './docker-args';

const config = (raw: Record<string, unknown>) => dockerBuildOperator.config.parse(raw);

describe('dockerBuildArgs', () => {
  it('builds the current folder with nothing else by default', () => {
    expect(dockerBuildArgs(config({}))).toEqual(['build', '.']);
  });

  it('passes every option in a fixed order, the context last', () => {
    expect(
      dockerBuildArgs(
        config({
          context: 'app',
          dockerfile: 'app/Dockerfile.prod',
          tag: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/pets:2024-05-01',
          build_args: { MODEL_URI: 's3://bucket/model.tar.gz', PORT: '8080' },
          target: 'runtime',
          platform: 'linux/amd64',
          no_cache: true,
          pull: true,
          extra_args: ['--label', 'team=ml'],
        }),
        '/tmp/iid',
      ),
    ).toEqual([
      'build',
      '--file',
      'app/Dockerfile.prod',
      '--tag',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/pets:2024-05-01',
      '--build-arg',
      'MODEL_URI=s3://bucket/model.tar.gz',
      '--build-arg',
      'PORT=8080',
      '--target',
      'runtime',
      '--platform',
      'linux/amd64',
      '--no-cache',
      '--pull',
      '--iidfile',
      '/tmp/iid',
      '--label',
      'team=ml',
      'app',
    ]);
  });

  it('pushes the tag', () => {
    expect(dockerPushArgs('r/app:1')).toEqual(['push', 'r/app:1']);
  });

  it('points docker at the configured daemon through DOCKER_HOST', () => {
    expect(dockerEnv(config({ docker_host: 'tcp://10.0.0.5:2376' }), { PATH: '/bin' })).toEqual({ PATH: '/bin', DOCKER_HOST: 'tcp://10.0.0.5:2376' });
    expect(dockerEnv(config({}), { PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

describe('docker_build definition', () => {
  function problems(raw: Record<string, unknown>) {
    const parsed = dockerBuildOperator.config.safeParse(raw);
    if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return dockerBuildOperator.validate?.(parsed.data) ?? [];
  }

  it('is a Containers operator', () => {
    expect(dockerBuildOperator.category).toBe('Containers');
  });

  it('needs a tag to push', () => {
    expect(problems({ push: true })).toEqual([{ path: 'push', message: 'pushing needs a tag' }]);
  });

  it('refuses a tag docker would refuse, but not a template', () => {
    expect(problems({ tag: 'My App:latest' })).toEqual([
      { path: 'tag', message: '"My App:latest" is not a valid image reference (lower-case name, optional :tag, no spaces)' },
    ]);
    expect(problems({ tag: 'localhost:5000/team/app:v1.2' })).toEqual([]);
    expect(problems({ tag: '{{ var.value.ecr_repo }}:{{ ds_nodash }}' })).toEqual([]);
  });

  it('refuses a build argument name with a dash', () => {
    expect(problems({ build_args: { 'MODEL-URI': 'x' } })).toEqual([
      { path: 'build_args.MODEL-URI', message: 'a build argument name may contain only letters, digits and "_"' },
    ]);
  });
});
