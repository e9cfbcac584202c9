import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpConnection } from '../../shared/settings';
import { CancelledError } from '../http/cancel';
import { oneLine } from '../http/read-config';

export interface Email {
  to: string[];
  subject: string;
  text: string;
}

interface SmtpError {
  code?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

/** One clear line for what went wrong between us and the SMTP server (the password never appears in it). */
export function describeSmtpError(error: unknown, connection: SmtpConnection): string {
  const server = `${connection.host}:${connection.port}`;
  const e = (error ?? {}) as SmtpError;
  const message = oneLine(error);
  const reply = e.response ? oneLine(new Error(e.response)) : message;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot reach SMTP server ${server}: connection refused`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach SMTP server ${server}: host not found`;
    case 'EAUTH':
      return `SMTP server ${server} rejected the login${connection.user ? ` of user "${connection.user}"` : ''}: ${reply}`;
    case 'EENVELOPE':
      return `SMTP server ${server} refused the sender or a recipient: ${reply}`;
    case 'ETIMEDOUT':
      return `SMTP server ${server} did not answer in time`;
    case 'EDNS':
      return `cannot reach SMTP server ${server}: host not found`;
    case 'ETLS':
      return `TLS with SMTP server ${server} failed: ${message}${connection.secure ? ' (is the port a TLS port, e.g. 465?)' : ''}`;
    case 'ESOCKET':
    case 'ECONNECTION':
      if (/ECONNREFUSED/.test(message)) return `cannot reach SMTP server ${server}: connection refused`;
      if (/wrong version number|ssl3_get_record|packet length too long/i.test(message)) {
        return `cannot reach SMTP server ${server}: it does not speak TLS on this port (turn "secure" off, or use port 465)`;
      }
      return `cannot reach SMTP server ${server}: ${message}`;
    default:
      return `sending email through ${server} failed: ${reply}`;
  }
}

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Opens the socket for nodemailer ourselves (its `getSocket` hook), so a cancel can destroy it: closing the
 * transport alone does not interrupt a message already on its way.
 */
function openSocket(connection: SmtpConnection, signal: AbortSignal, sockets: Set<Socket>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const options = { host: connection.host, port: connection.port, servername: connection.host };
    const socket = connection.secure ? connectTls(options) : connectTcp(options);
    sockets.add(socket);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), CONNECT_TIMEOUT_MS);
    socket.once('error', fail);
    socket.once(connection.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve(socket);
    });
    if (signal.aborted) fail(new CancelledError());
  });
}

/** Sends one plain-text email through the smtp connection; a cancel drops the connection at once. */
export async function sendEmail(connection: SmtpConnection, email: Email, signal: AbortSignal): Promise<{ accepted: string[]; messageId: string }> {
  if (signal.aborted) throw new CancelledError();
  const sockets = new Set<Socket>();
  const options: SMTPTransport.Options = {
    host: connection.host,
    port: connection.port,
    secure: connection.secure,
    auth: connection.user ? { user: connection.user, pass: connection.password ?? '' } : undefined,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
    getSocket(_options, callback) {
      openSocket(connection, signal, sockets).then(
        (socket) => callback(null, { connection: socket, secured: connection.secure }),
        (error: unknown) => callback(error as Error, null),
      );
    },
  };
  const transport = nodemailer.createTransport(options);
  const from = connection.from ?? (connection.user && connection.user.includes('@') ? connection.user : 'dagstudio@localhost');
  let rejectCancelled: (error: Error) => void = () => undefined;
  const cancelled = new Promise<never>((_resolve, reject) => {
    rejectCancelled = reject;
  });
  const onAbort = () => {
    for (const socket of sockets) socket.destroy();
    rejectCancelled(new CancelledError());
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const info = await Promise.race([transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text }), cancelled]);
    return { accepted: info.accepted.map((a) => (typeof a === 'string' ? a : a.address)), messageId: info.messageId };
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    throw new Error(describeSmtpError(error, connection));
  } finally {
    signal.removeEventListener('abort', onAbort);
    transport.close();
  }
}
