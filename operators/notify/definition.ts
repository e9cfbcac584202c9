import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import type { Problem } from '../../shared/problems';

const TEMPLATE = /\{\{|\{%/;

const emailChannel = z.strictObject({
  connection: field(z.string().min(1, 'required'), {
    title: 'SMTP connection',
    description: 'The smtp connection that sends the email (host, port, TLS, login, sender).',
    widget: 'connection',
    connectionType: 'smtp',
  }),
  to: field(z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'list at least one recipient'), {
    title: 'To',
    description: 'Recipient addresses.',
    widget: 'list',
    templated: true,
  }),
  subject: field(z.string().optional(), {
    title: 'Subject',
    description: 'Defaults to the title.',
    widget: 'text',
    templated: true,
  }),
});

const channels = z.strictObject({
  desktop: field(z.boolean().default(false), {
    title: 'Desktop notification',
    description: 'Shown by the app; printed when the pipeline runs from the CLI.',
    widget: 'boolean',
  }),
  webhook_url: field(z.string().optional(), {
    title: 'Webhook URL',
    description: 'Receives a POST of Slack-style JSON: {"text": message}. Kept secret: it usually holds a token.',
    widget: 'text',
    secret: true,
    templated: true,
    placeholder: 'https://hooks.slack.com/services/…',
  }),
  email: field(emailChannel.optional(), {
    title: 'Email',
    description: 'Sends the message by email through an smtp connection.',
  }),
});

export const notifyOperator = defineOperator({
  id: 'notify',
  label: 'Notify',
  category: 'Notify',
  description:
    'Sends a message to the desktop, a webhook (Slack-style) and/or email. With trigger rule one_failed it reports failures; an empty message lists the failed tasks.',
  icon: 'bell',
  config: z.strictObject({
    title: field(z.string().default('dagstudio: {{ dag.dag_id }}'), {
      title: 'Title',
      description: 'Title of the desktop notification and default email subject. Templated.',
      widget: 'text',
      templated: true,
    }),
    message: field(z.string().optional(), {
      title: 'Message',
      description: 'Templated. Leave empty to send a summary naming the run and its failed tasks.',
      widget: 'textarea',
      language: 'text',
      templated: true,
    }),
    channels: field(channels, {
      title: 'Channels',
      description: 'Where the message goes; at least one.',
      templated: true,
    }),
  }),
  validate(config) {
    const problems: Problem[] = [];
    const { desktop, webhook_url, email } = config.channels;
    const webhook = webhook_url?.trim() ?? '';
    if (!desktop && webhook === '' && !email) {
      problems.push({ path: 'channels', message: 'choose at least one channel: desktop, webhook_url or email' });
    }
    if (webhook !== '' && !TEMPLATE.test(webhook) && !/^https?:\/\/[^/\s]+/i.test(webhook)) {
      problems.push({ path: 'channels.webhook_url', message: 'must be an http:// or https:// URL' });
    }
    return problems;
  },
});
