import type { PythonHelper } from '../../shared/airflow/helpers';
import { present, type AirflowMapping, type MappedTask } from '../../shared/airflow/mapping';
import { pyIdentifier } from '../../shared/airflow/python';
import { isLiteralSecret } from '../../shared/airflow/secrets';
import type { OperatorConfig } from '../../shared/operator';
import type { notifyOperator } from './definition';

const NOTIFY: PythonHelper = {
  id: 'notify',
  modules: ['html', 'json', 'urllib.request'],
  airflow: ['AirflowException', 'BaseOperator'],
  requires: [],
  code: String.raw`def _dagstudio_failure_summary(context):
    """The message of a notify task left empty: the run, and which tasks failed (as dagstudio words it)."""
    ti = context['ti']
    states = {}
    try:  # Airflow 2.x
        states = {t.task_id: t.state for t in context['dag_run'].get_task_instances()}
    except Exception:
        try:  # Airflow 3.x
            states = ti.get_task_states(dag_id=ti.dag_id, run_ids=[ti.run_id]).get(ti.run_id, {})
        except Exception:
            pass
    ids = sorted(task_id for task_id in states if task_id != ti.task_id)
    failed = [i for i in ids if str(states[i]).endswith('failed') and not str(states[i]).endswith('upstream_failed')]
    upstream = [i for i in ids if str(states[i]).endswith('upstream_failed')]
    head = f"Pipeline {ti.dag_id}, run {context['run_id']}"
    if not failed and not upstream:
        return f'{head}: no task has failed.'
    count = lambda xs: '1 task ' if len(xs) == 1 else f'{len(xs)} tasks '
    parts = []
    if failed:
        parts.append(f"{count(failed)}failed: {', '.join(failed)}")
    if upstream:
        parts.append(f"{count(upstream)}not run because of a failure upstream: {', '.join(upstream)}")
    return f"{head}: {'; '.join(parts)}."


class DagstudioNotifyOperator(BaseOperator):
    """Sends a message to a webhook (Slack-style JSON {"text": message}) and/or by email through an SMTP
    connection, as dagstudio's notify does; returns {title, message, channels}."""

    template_fields = ('title', 'message', 'webhook_url', 'to', 'subject')

    def __init__(self, *, title, message=None, webhook_url=None, to=None, subject=None, smtp_conn_id=None, **kwargs):
        super().__init__(**kwargs)
        self.title, self.message, self.webhook_url = title, message, webhook_url
        self.to, self.subject, self.smtp_conn_id = to, subject, smtp_conn_id

    def execute(self, context):
        message = self.message if (self.message or '').strip() else _dagstudio_failure_summary(context)
        title = self.title.strip() or f"dagstudio: {context['ti'].dag_id}"
        channels, failures = [], []
        if (self.webhook_url or '').strip():
            channels.append('webhook')
            try:
                body = json.dumps({'text': message}).encode('utf-8')
                request = urllib.request.Request(self.webhook_url.strip(), data=body, method='POST',
                                                 headers={'Content-Type': 'application/json'})
                with urllib.request.urlopen(request, timeout=30) as response:
                    self.log.info('webhook answered %s', response.status)
            except Exception as error:  # one channel failing must not silence the others
                failures.append(f'webhook: {error}')
        if self.to:
            channels.append('email')
            try:
                from airflow.providers.smtp.hooks.smtp import SmtpHook

                with SmtpHook(smtp_conn_id=self.smtp_conn_id) as hook:
                    hook.send_email_smtp(to=[a.strip() for a in self.to if a.strip()], subject=(self.subject or '').strip() or title,
                                         html_content='<pre>' + html.escape(message) + '</pre>')
            except Exception as error:
                failures.append(f'email: {error}')
        if failures:
            raise AirflowException('notify failed: ' + '; '.join(failures))
        return {'title': title, 'message': message, 'channels': channels}`,
};

/** notify → an operator that posts to the webhook and sends the email (SMTP connection); the desktop has no Airflow counterpart. */
export const notifyAirflow: AirflowMapping<OperatorConfig<typeof notifyOperator>> = ({ task, config }) => {
  const { desktop, webhook_url: webhook, email } = config.channels;
  const issues: Array<{ field: string; message: string }> = [];
  if (desktop) issues.push({ field: 'config.channels.desktop', message: 'Airflow has no desktop to notify: this channel is left out' });
  let webhookArg: string | undefined = present(webhook?.trim());
  if (webhookArg !== undefined && isLiteralSecret(webhookArg)) {
    const variable = `${pyIdentifier(task.id)}_webhook_url`;
    webhookArg = `{{ var.value.${variable} }}`;
    issues.push({ field: 'config.channels.webhook_url', message: `read from the Airflow variable "${variable}" (a secret is never written into the file): create it with the webhook URL` });
  }
  const mapped: MappedTask = {
    operator: 'DagstudioNotifyOperator',
    helpers: [NOTIFY],
    connections: email ? [{ name: email.connection, type: 'smtp' }] : [],
    args: [
      ['title', config.title],
      ['message', present(config.message)],
      ['webhook_url', webhookArg],
      ['to', email?.to],
      ['subject', present(email?.subject)],
      ['smtp_conn_id', email?.connection],
    ],
    issues,
  };
  return desktop ? { ...mapped, returnDiffers: 'its "channels" list has no "desktop"' } : mapped;
};
