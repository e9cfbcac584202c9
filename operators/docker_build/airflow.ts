import { BASH_HELPER } from '../../shared/airflow/helpers';
import type { AirflowMapping } from '../../shared/airflow/mapping';
import { shellJoin, shellQuote } from '../../shared/airflow/shell';
import { dockerBuildArgs, dockerPushArgs, type DockerBuildConfig } from './docker-args';

/* The same `{ tag, image_id }` return value as the local executor, written to the runtime's return file. */
const WRITE_RETURN =
  `python3 -c 'import json, sys; print(json.dumps({"tag": sys.argv[1] or None, "image_id": open(sys.argv[2]).read().strip()}))'`;

/** docker_build → BashOperator running the same `docker build` (and `docker push`) command line. */
export const dockerBuildAirflow: AirflowMapping<DockerBuildConfig> = ({ config }) => {
  const lines = ['set -e', shellJoin(['docker', ...dockerBuildArgs(config, '$IIDFILE')]).replace("'$IIDFILE'", '"$IIDFILE"')];
  if (config.push && config.tag) lines.push(shellJoin(['docker', ...dockerPushArgs(config.tag)]));
  lines.push(`${WRITE_RETURN} ${shellQuote(config.tag ?? '')} "$IIDFILE" > "$DAGSTUDIO_RETURN_FILE"`);
  const command = ['IIDFILE="$DAGSTUDIO_RETURN_FILE.iid"', ...lines].join('\n') + '\n';
  return {
    operator: 'DagstudioBashOperator',
    helpers: [BASH_HELPER],
    args: [
      ['bash_command', command],
      ['env', config.docker_host ? { DOCKER_HOST: config.docker_host } : undefined],
    ],
  };
};
