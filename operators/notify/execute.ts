import type { Executor } from '../execute-types';
import { CancelledError } from '../http/cancel';
import { connectionOfType } from '../http/connections';
import { readConfig } from '../http/read-config';
import { failureSummary } from './default-message';
import { notifyOperator } from './definition';
import { sendEmail } from './send-email';
import { sendWebhook } from './send-webhook';

type Delivery = { channel: string; send: () => Promise<string> };

export const executeNotify: Executor = async (context) => {
  const config = readConfig(notifyOperator, context.config);
  const message = config.message?.trim() ? config.message : failureSummary(context, context.taskStates());
  const title = config.title.trim() || `dagstudio: ${context.dagId}`;
  const { desktop, webhook_url: webhookUrl, email } = config.channels;

  const deliveries: Delivery[] = [];
  if (desktop) {
    deliveries.push({
      channel: 'desktop',
      send: async () => {
        context.notify(title, message);
        return 'desktop notification shown';
      },
    });
  }
  if (webhookUrl?.trim()) deliveries.push({ channel: 'webhook', send: () => sendWebhook(webhookUrl.trim(), message, context.signal) });
  if (email) {
    const smtp = connectionOfType(context, email.connection, 'smtp');
    const to = email.to.map((address) => address.trim()).filter(Boolean);
    const subject = email.subject?.trim() || title;
    deliveries.push({
      channel: 'email',
      send: async () => {
        const sent = await sendEmail(smtp, { to, subject, text: message }, context.signal);
        return `email "${subject}" sent to ${sent.accepted.join(', ')} through ${smtp.host}:${smtp.port}`;
      },
    });
  }

  context.log(`notifying ${deliveries.map((d) => d.channel).join(', ')}: ${title}\n`);
  /* One channel failing must not silence the others: each is tried, then the failures are reported together. */
  const results = await Promise.allSettled(deliveries.map((d) => d.send()));
  if (context.signal.aborted) throw new CancelledError();
  const failures: string[] = [];
  results.forEach((result, i) => {
    const channel = (deliveries[i] as Delivery).channel;
    if (result.status === 'fulfilled') context.log(`${result.value}\n`);
    else {
      const reason = (result.reason as Error).message;
      context.log(`${channel} failed: ${reason}\n`);
      failures.push(`${channel}: ${reason}`);
    }
  });
  if (failures.length > 0) {
    const of = failures.length === deliveries.length ? '' : ` (${deliveries.length - failures.length} of ${deliveries.length} channels delivered)`;
    throw new Error(`notify failed${of}: ${failures.join('; ')}`);
  }
  return { state: 'success', returnValue: { title, message, channels: deliveries.map((d) => d.channel) } };
};
