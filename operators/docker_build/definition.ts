import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import type { Problem } from '../../shared/problems';

/* docker's own reference grammar is looser, but a tag with spaces or an upper-case repository never builds. */
const TAG = /^[a-z0-9]+(?:[._/:@-][A-Za-z0-9_.-]+)*$/;
const TEMPLATE = /\{\{|\{%/;

export const dockerBuildOperator = defineOperator({
  id: 'docker_build',
  label: 'Docker build',
  category: 'Containers',
  description: 'Builds a container image with `docker build` (output streamed to the log); optionally pushes it.',
  icon: 'container',
  returns: '{ "tag", "image_id" } of the built image.',
  config: z.strictObject({
    context: field(z.string().trim().min(1, 'must not be empty').default('.'), {
      title: 'Build context',
      description: 'The folder sent to the builder, relative to the pipeline file. Templated.',
      widget: 'path',
      templated: true,
    }),
    dockerfile: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Dockerfile',
      description: 'Defaults to Dockerfile in the build context. Relative to the pipeline file. Templated.',
      widget: 'path',
      templated: true,
    }),
    tag: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Tag',
      description: 'Image name and tag, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:{{ ds_nodash }}. Templated.',
      widget: 'text',
      templated: true,
    }),
    build_args: field(z.record(z.string(), z.string()).optional(), {
      title: 'Build arguments',
      description: 'Passed as --build-arg NAME=VALUE (values are templated).',
      widget: 'keyvalue',
      templated: true,
    }),
    target: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Target stage',
      widget: 'text',
      advanced: true,
    }),
    platform: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Platform',
      description: 'e.g. linux/amd64 (what most clusters run).',
      widget: 'text',
      placeholder: 'linux/amd64',
      advanced: true,
    }),
    no_cache: field(z.boolean().default(false), {
      title: 'No cache',
      description: 'Build every layer again (--no-cache).',
      widget: 'boolean',
      advanced: true,
    }),
    pull: field(z.boolean().default(false), {
      title: 'Pull base images',
      description: 'Always pull newer base images (--pull).',
      widget: 'boolean',
      advanced: true,
    }),
    push: field(z.boolean().default(false), {
      title: 'Push after build',
      description: 'Runs `docker push TAG` once the build succeeds (log in to the registry beforehand).',
      widget: 'boolean',
    }),
    extra_args: field(z.array(z.string()).optional(), {
      title: 'Extra arguments',
      description: 'More `docker build` arguments, one per item, placed before the context.',
      widget: 'list',
      templated: true,
      advanced: true,
    }),
    docker_host: field(z.string().trim().min(1, 'must not be empty').optional(), {
      title: 'Docker host',
      description: 'Daemon address (sets DOCKER_HOST), e.g. ssh://builder or tcp://10.0.0.5:2376. Empty: the local default.',
      widget: 'text',
      advanced: true,
    }),
  }),
  validate(config) {
    const problems: Problem[] = [];
    if (config.push && !config.tag) problems.push({ path: 'push', message: 'pushing needs a tag' });
    if (config.tag && !TEMPLATE.test(config.tag) && !TAG.test(config.tag)) {
      problems.push({ path: 'tag', message: `"${config.tag}" is not a valid image reference (lower-case name, optional :tag, no spaces)` });
    }
    for (const name of Object.keys(config.build_args ?? {})) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        problems.push({ path: `build_args.${name}`, message: 'a build argument name may contain only letters, digits and "_"' });
      }
    }
    return problems;
  },
});
