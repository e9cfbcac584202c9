import { describe, expect, it } from 'vitest';
import { fieldUi, fieldsOf, innerType } from '../../shared/operator';
import { notifyOperator } from './definition';
import type { z } from 'zod';

function problems(config: Record<string, unknown>) {
  const parsed = notifyOperator.config.safeParse(config);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return notifyOperator.validate?.(parsed.data) ?? [];
}

describe('notify definition', () => {
  it('is a Notify operator with a templated title and message, and channels described field by field for the form', () => {
    expect(notifyOperator.category).toBe('Notify');
    const fields = fieldsOf(notifyOperator);
    expect(fields.map((f) => f.key)).toEqual(['title', 'message', 'channels']);
    expect(fields.filter((f) => f.ui.templated).map((f) => f.key)).toEqual(['title', 'message', 'channels']);
    const channels = innerType(fields[2]!.schema) as z.ZodObject;
    const nested = Object.entries(channels.shape as Record<string, z.ZodType>).map(([key, schema]) => [key, (fieldUi.get(schema) ?? fieldUi.get(innerType(schema)))?.title]);
    expect(nested).toEqual([
      ['desktop', 'Desktop notification'],
      ['webhook_url', 'Webhook URL'],
      ['email', 'Email'],
    ]);
    expect(fieldUi.get((channels.shape as Record<string, z.ZodType>).webhook_url!)?.secret).toBe(true);
  });

  it('needs at least one channel', () => {
    expect(problems({ channels: {} })).toEqual([{ path: 'channels', message: 'choose at least one channel: desktop, webhook_url or email' }]);
    expect(problems({ channels: { desktop: false, webhook_url: ' ' } })[0]?.path).toBe('channels');
    expect(problems({ channels: { desktop: true } })).toEqual([]);
  });

  it('needs an http(s) webhook URL, unless it is a template', () => {
    expect(problems({ channels: { webhook_url: 'hooks.slack.com/x' } })).toEqual([{ path: 'channels.webhook_url', message: 'must be an http:// or https:// URL' }]);
    expect(problems({ channels: { webhook_url: '{{ var.value.slack_hook }}' } })).toEqual([]);
  });

  it('needs an smtp connection and at least one recipient for email', () => {
    expect(problems({ channels: { email: { connection: 'mail', to: ['ops@example.com'] } } })).toEqual([]);
    expect(problems({ channels: { email: { connection: 'mail', to: [] } } })).toEqual([{ path: 'channels.email.to', message: 'list at least one recipient' }]);
    expect(problems({ channels: { email: { to: ['a@b.c'] } } })[0]?.path).toBe('channels.email.connection');
  });

  it('titles the notification after the DAG by default', () => {
    expect(notifyOperator.config.parse({ channels: { desktop: true } })).toEqual({ title: 'dagstudio: {{ dag.dag_id }}', channels: { desktop: true } });
  });
});
