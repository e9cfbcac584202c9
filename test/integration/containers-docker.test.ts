import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tempDir } from '../support/temp-dir';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executeDockerBuild } from '../../operators/docker_build/execute';
import { onPath, startHttpServer, type RecordedRequest, type TestHttpServer } from '../support/http-server';
import { makeTaskContext } from '../support/task-context';

/*
 * There is no Docker daemon here (nor, often, in CI). The real docker CLI is driven against a small emulation of
 * the Docker Engine API on a Unix socket, answering the calls the CLI makes for `version`, `build` (the legacy
 * builder, which the CLI uses without buildx) and `push`; the tests read back what the CLI sent.
 */

const IMAGE_ID = 'sha256:0f3c5e8a9d1b2c4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6';

function stream(res: ServerResponse, messages: unknown[]) {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.47' });
  for (const m of messages) res.write(`${JSON.stringify(m)}\n`);
  res.end();
}

function dockerEngine(options: { buildError?: string } = {}) {
  return (req: RecordedRequest, res: ServerResponse) => {
    const path = new URL(req.path, 'http://docker').pathname;
    if (path === '/_ping') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.47', Ostype: 'linux' });
      res.end('OK');
    } else if (/^\/v[\d.]+\/version$/.test(path)) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.47' });
      res.end(JSON.stringify({ Version: '27.0.0-emulated', ApiVersion: '1.47', MinAPIVersion: '1.24', Os: 'linux', Arch: 'amd64' }));
    } else if (/^\/v[\d.]+\/build$/.test(path)) {
      if (options.buildError) {
        stream(res, [{ stream: 'Step 1/2 : FROM scratch\n' }, { stream: 'Step 2/2 : RUN false\n' }, { errorDetail: { code: 1, message: options.buildError }, error: options.buildError }]);
      } else {
        stream(res, [{ stream: 'Step 1/1 : FROM scratch\n' }, { aux: { ID: IMAGE_ID } }, { stream: 'Successfully built 0f3c5e8a9d1b\n' }]);
      }
    } else if (/^\/v[\d.]+\/images\/.+\/push$/.test(path)) {
      stream(res, [{ status: 'The push refers to repository [emulated]' }, { status: `pushed: digest: ${IMAGE_ID} size: 528` }]);
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `emulator: no route for ${req.method} ${path}` }));
    }
  };
}

let engine: TestHttpServer | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

function project(): { dir: string; dockerConfig: string } {
  const dir = tempDir('dagstudio-docker-project-');
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM scratch\nCOPY serve.py /\n');
  writeFileSync(join(dir, 'app', 'serve.py'), 'print("serving")\n');
  const dockerConfig = join(dir, '.docker');
  mkdirSync(dockerConfig);
  return { dir, dockerConfig };
}

async function startEngine(options: { buildError?: string } = {}) {
  const socketDir = tempDir('dagstudio-dockerd-');
  engine = await startHttpServer(dockerEngine(options), { socketPath: join(socketDir, 'docker.sock') });
  return engine;
}

/* CI installs the docker CLI (Debian: docker.io; no daemon needed); without it only the cases before docker runs can. */
const withDocker = it.skipIf(!onPath('docker'));

describe('docker_build with the real docker CLI', () => {
  withDocker('runs the exact build, streams its output, returns the image id, and pushes the tag', async () => {
    const daemon = await startEngine();
    const { dir, dockerConfig } = project();
    const tag = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/pets:20240501';
    const context = makeTaskContext({
      config: {
        context: 'app',
        tag,
        build_args: { MODEL_URI: 's3://models/pets/model.tar.gz', PORT: '8080' },
        platform: 'linux/amd64',
        no_cache: true,
        push: true,
        docker_host: daemon.url,
      },
      env: { DOCKER_CONFIG: dockerConfig },
    });
    context.cwd = dir;
    const outcome = await executeDockerBuild(context);

    expect(outcome).toEqual({ state: 'success', returnValue: { tag, image_id: IMAGE_ID } });
    const build = daemon.requests.find((r) => r.method === 'POST' && /\/build\?/.test(r.path));
    const query = new URL(build?.path ?? '/', 'http://docker').searchParams;
    expect(query.get('t')).toBe(tag);
    expect(JSON.parse(query.get('buildargs') ?? '{}')).toEqual({ MODEL_URI: 's3://models/pets/model.tar.gz', PORT: '8080' });
    expect(query.get('platform')).toBe('linux/amd64');
    expect(query.get('nocache')).toBe('1');
    expect(query.get('dockerfile')).toBe('Dockerfile');
    /* The build context arrives as a tar of the app folder. */
    expect(build?.headers['content-type']).toBe('application/x-tar');
    expect(build?.body).toContain('serve.py');
    expect(build?.body).toContain('COPY serve.py /');
    const push = daemon.requests.find((r) => r.method === 'POST' && r.path.includes('/push'));
    expect(push?.path).toMatch(/^\/v[\d.]+\/images\/123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/pets\/push\?tag=20240501$/);

    const log = context.logText();
    expect(log).toContain('Docker daemon 27.0.0-emulated is reachable\n');
    expect(log).toContain(
      `$ docker build --tag ${tag} --build-arg MODEL_URI=s3://models/pets/model.tar.gz --build-arg PORT=8080 --platform linux/amd64 --no-cache --iidfile `,
    );
    expect(log).toContain('Step 1/1 : FROM scratch');
    expect(log).toContain(`built ${tag} (${IMAGE_ID})\n`);
    expect(log).toContain(`$ docker push ${tag}\n`);
  });

  withDocker('fails with one line carrying the builder’s error when the build fails', async () => {
    const daemon = await startEngine({ buildError: "The command '/bin/sh -c false' returned a non-zero code: 1" });
    const { dir, dockerConfig } = project();
    const context = makeTaskContext({ config: { context: 'app', tag: 'pets:dev', push: true, docker_host: daemon.url }, env: { DOCKER_CONFIG: dockerConfig } });
    context.cwd = dir;
    await expect(executeDockerBuild(context)).rejects.toThrow(
      "docker build failed with exit code 1: The command '/bin/sh -c false' returned a non-zero code: 1",
    );
    expect(daemon.requests.some((r) => r.path.includes('/push'))).toBe(false);
  });

  withDocker('stops the build the moment the task is cancelled', async () => {
    const socketDir = tempDir('dagstudio-dockerd-');
    const answer = dockerEngine();
    /* A daemon that answers the probe, then never finishes the build: only the cancel can end the task. */
    engine = await startHttpServer(
      (req, res) => {
        if (/\/build\?/.test(req.path)) context.controller.abort();
        else answer(req, res);
      },
      { socketPath: join(socketDir, 'docker.sock') },
    );
    const { dir, dockerConfig } = project();
    const context = makeTaskContext({ config: { context: 'app', tag: 'pets:dev', docker_host: engine.url }, env: { DOCKER_CONFIG: dockerConfig } });
    context.cwd = dir;
    await expect(executeDockerBuild(context)).rejects.toThrow('cancelled');
  });

  withDocker('says in one line that the daemon is not reachable at the configured socket', async () => {
    const { dir } = project();
    const socket = join(dir, 'no-daemon', 'docker.sock');
    const context = makeTaskContext({ config: { context: 'app', tag: 'pets:dev', docker_host: `unix://${socket}` } });
    context.cwd = dir;
    await expect(executeDockerBuild(context)).rejects.toThrow(new Error(`Docker daemon not reachable at unix://${socket}: is Docker running?`));
    expect(context.logText()).toBe('');
  });

  it.skipIf(existsSync('/var/run/docker.sock') || !onPath('docker'))('says so for the default socket on a machine without Docker (this one)', async () => {
    const { dir } = project();
    const context = makeTaskContext({ config: { context: 'app' }, env: { DOCKER_HOST: '', DOCKER_CONTEXT: '' } });
    context.cwd = dir;
    await expect(executeDockerBuild(context)).rejects.toThrow(new Error('Docker daemon not reachable at unix:///var/run/docker.sock: is Docker running?'));
  });

  it('says in one line that docker is not installed', async () => {
    const { dir } = project();
    const context = makeTaskContext({ config: { context: 'app' }, env: { PATH: join(dir, 'empty-bin') } });
    context.cwd = dir;
    await expect(executeDockerBuild(context)).rejects.toThrow(new Error('docker is not installed (no docker command on PATH)'));
  });

  it('names a missing build context or Dockerfile before asking the daemon', async () => {
    const { dir } = project();
    const missing = makeTaskContext({ config: { context: 'ap' } });
    missing.cwd = dir;
    await expect(executeDockerBuild(missing)).rejects.toThrow(new Error(`build context ${join(dir, 'ap')} does not exist`));
    const noFile = makeTaskContext({ config: { context: 'app', dockerfile: 'app/Dockerfile.prod' } });
    noFile.cwd = dir;
    await expect(executeDockerBuild(noFile)).rejects.toThrow(new Error(`Dockerfile ${join(dir, 'app/Dockerfile.prod')} does not exist`));
  });

  it('refuses bad config in one line', async () => {
    await expect(executeDockerBuild(makeTaskContext({ config: { push: true, tag: 'Bad Tag' } }))).rejects.toThrow(
      new Error('invalid docker_build config: tag: "Bad Tag" is not a valid image reference (lower-case name, optional :tag, no spaces)'),
    );
  });
});
