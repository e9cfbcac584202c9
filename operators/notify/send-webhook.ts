import { resolveHttpTarget } from '../http/http-target';
import { bodyPreview, sendRequest } from '../http/send-request';

/**
 * POSTs Slack-style JSON `{ "text": message }`. A webhook URL's path is its credential (Slack, Teams, Discord),
 * so the log and errors name only its origin.
 */
export async function sendWebhook(url: string, text: string, signal: AbortSignal): Promise<string> {
  let target;
  try {
    target = resolveHttpTarget({ url });
  } catch {
    throw new Error('webhook_url is not a valid http:// or https:// URL');
  }
  const origin = target.url.origin;
  const response = await sendRequest({ method: 'POST', target, body: { text }, timeoutS: 30, signal, shownAs: origin, maxBytes: 64 * 1024 });
  const status = `${response.status} ${response.statusText}`.trim();
  if (response.status < 200 || response.status >= 300) {
    const preview = bodyPreview(response.text);
    throw new Error(`webhook at ${origin} answered ${status}${preview ? `: ${preview}` : ''}`);
  }
  return `webhook at ${origin}: ${status}`;
}
