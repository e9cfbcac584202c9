import Conf from 'conf';
import { z } from 'zod';
import {
  CONNECTION_SECRET_FIELDS,
  connectionSchema,
  variableSchema,
  type Connection,
  type Variable,
} from '../../shared/settings';

/**
 * Variables, connections and preferences, under plain Node through `conf` (the Electron shell may use
 * electron-store with the same layout). Secret values (variables marked secret, the secret fields of a
 * connection) live apart from the rest, in secrets.json with file mode 0600, passed through a cipher:
 * the identity by default, Electron's safeStorage in the app (the shell supplies `cipher`). An encrypted
 * value is stored as `enc:<scheme>:<text>`, so a process without that cipher (the command line next to
 * the app) knows it cannot read it — and says so, naming the secret — instead of using the ciphertext as
 * the secret; a value without the prefix is plain text, readable by every process.
 */

/** What the runner needs from settings. */
export interface SettingsSource {
  variables(): Variable[];
  connections(): Connection[];
  /** Whether a variable is marked secret, even one whose value this process cannot read. */
  isSecretVariable?(name: string): boolean;
}

/** Turns a secret into stored text and back; must be deterministic only in `decrypt(encrypt(x)) === x`. */
export interface SecretCipher {
  /** Names the encryption in stored values (letters, digits, dashes), e.g. "os-keychain". */
  scheme: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

const ENCRYPTED = /^enc:([a-z0-9-]+):/i;

const storedVariableSchema = variableSchema.extend({ value: z.string().optional() });
const publicSchema = z.object({
  variables: z.array(storedVariableSchema).default([]),
  connections: z.array(z.record(z.string(), z.unknown())).default([]),
  preferences: z.record(z.string(), z.unknown()).default({}),
});
type PublicData = z.output<typeof publicSchema>;

const secretsSchema = z.object({
  variables: z.record(z.string(), z.string()).default({}),
  connections: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
type SecretsData = z.output<typeof secretsSchema>;

export type VariableInput = z.input<typeof variableSchema>;
export type ConnectionInput = z.input<typeof connectionSchema>;

export class SettingsError extends Error {}

export class SettingsStore implements SettingsSource {
  private readonly publicConf: Conf<PublicData>;
  private readonly secretConf: Conf<SecretsData>;
  private readonly cipher: SecretCipher | null;
  /** Secrets this process could not read at the last listing, by what they are: why, and what to do. */
  private readonly unreadable = new Map<string, string>();

  constructor(options: { dir: string; cipher?: SecretCipher }) {
    this.cipher = options.cipher ?? null;
    const common = { cwd: options.dir, accessPropertiesByDotNotation: false, clearInvalidConfig: false, projectSuffix: '' } as const;
    this.publicConf = new Conf<PublicData>({ ...common, configName: 'settings', configFileMode: 0o600 });
    this.secretConf = new Conf<SecretsData>({ ...common, configName: 'secrets', configFileMode: 0o600 });
  }

  /** Paths of the two files (settings.json, secrets.json). */
  get paths(): { settings: string; secrets: string } {
    return { settings: this.publicConf.path, secrets: this.secretConf.path };
  }

  /** The variables; a secret one this process cannot decrypt is left out (see unreadableSecrets). */
  variables(): Variable[] {
    const pub = this.readPublic();
    const sec = this.readSecrets();
    const out: Variable[] = [];
    for (const v of pub.variables) {
      const label = `variable "${v.name}"`;
      const value = v.secret ? this.readSecret(sec.variables[v.name], label) : (v.value ?? '');
      if (value !== null) out.push(variableSchema.parse({ ...v, value }));
    }
    return out;
  }

  isSecretVariable(name: string): boolean {
    return this.readPublic().variables.some((v) => v.name === name && v.secret);
  }

  /** Why secrets were left out of the last listings (empty when every secret could be read). */
  unreadableSecrets(): string[] {
    return [...this.unreadable.values()];
  }

  getVariable(name: string): Variable | undefined {
    return this.variables().find((v) => v.name === name);
  }

  /** Creates or replaces a variable; its value is kept apart when it is secret. */
  setVariable(input: VariableInput): Variable {
    const parsed = variableSchema.safeParse(input);
    if (!parsed.success) throw new SettingsError(`variable: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
    const variable = parsed.data;
    const pub = this.readPublic();
    const sec = this.readSecrets();
    const { value, ...rest } = variable;
    const stored = variable.secret ? rest : { ...rest, value };
    pub.variables = [...pub.variables.filter((v) => v.name !== variable.name), stored];
    if (variable.secret) sec.variables[variable.name] = this.encrypt(value);
    else delete sec.variables[variable.name];
    this.writeSecrets(sec);
    this.publicConf.set('variables', pub.variables);
    return variable;
  }

  deleteVariable(name: string): boolean {
    const pub = this.readPublic();
    const before = pub.variables.length;
    pub.variables = pub.variables.filter((v) => v.name !== name);
    const sec = this.readSecrets();
    delete sec.variables[name];
    this.writeSecrets(sec);
    this.publicConf.set('variables', pub.variables);
    return pub.variables.length !== before;
  }

  connections(): Connection[] {
    const pub = this.readPublic();
    const sec = this.readSecrets();
    const out: Connection[] = [];
    for (const raw of pub.connections) {
      const name = String(raw.name);
      const secrets: Record<string, string> = {};
      for (const [key, stored] of Object.entries(sec.connections[name] ?? {})) {
        const value = this.readSecret(stored, `connection "${name}" field "${key}"`);
        if (value !== null) secrets[key] = value;
      }
      const parsed = connectionSchema.safeParse({ ...raw, ...secrets });
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  getConnection(name: string): Connection | undefined {
    return this.connections().find((c) => c.name === name);
  }

  /**
   * Creates or replaces a connection. A secret field left out keeps its stored value (the renderer never
   * sees secrets, so an edit form sends none back); an empty string clears it.
   */
  setConnection(input: ConnectionInput): Connection {
    const previous = this.getConnection(String((input as { name?: unknown }).name));
    const merged: Record<string, unknown> = { ...input };
    if (previous && previous.type === input.type) {
      for (const key of CONNECTION_SECRET_FIELDS[input.type]) {
        if (merged[key] === undefined) merged[key] = (previous as Record<string, unknown>)[key];
      }
    }
    for (const key of Object.keys(merged)) if (merged[key] === '' || merged[key] === undefined) delete merged[key];
    const parsed = connectionSchema.safeParse(merged);
    if (!parsed.success) throw new SettingsError(`connection: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
    const connection = parsed.data;
    const secretKeys = CONNECTION_SECRET_FIELDS[connection.type];
    const pubPart: Record<string, unknown> = {};
    const secPart: Record<string, string> = {};
    for (const [key, value] of Object.entries(connection)) {
      if (secretKeys.includes(key) && typeof value === 'string') secPart[key] = this.encrypt(value);
      else pubPart[key] = value;
    }
    const pub = this.readPublic();
    pub.connections = [...pub.connections.filter((c) => c.name !== connection.name), pubPart];
    const sec = this.readSecrets();
    sec.connections[connection.name] = secPart;
    this.writeSecrets(sec);
    this.publicConf.set('connections', pub.connections);
    return connection;
  }

  deleteConnection(name: string): boolean {
    const pub = this.readPublic();
    const before = pub.connections.length;
    pub.connections = pub.connections.filter((c) => c.name !== name);
    const sec = this.readSecrets();
    delete sec.connections[name];
    this.writeSecrets(sec);
    this.publicConf.set('connections', pub.connections);
    return pub.connections.length !== before;
  }

  preferences(): Record<string, unknown> {
    return this.readPublic().preferences;
  }

  setPreferences(preferences: Record<string, unknown>): Record<string, unknown> {
    const merged = { ...this.readPublic().preferences, ...preferences };
    this.publicConf.set('preferences', merged);
    return merged;
  }

  private readPublic(): PublicData {
    const parsed = publicSchema.safeParse(this.publicConf.store);
    if (!parsed.success) throw new SettingsError(`${this.publicConf.path}: not a settings file`);
    return parsed.data;
  }

  private readSecrets(): SecretsData {
    const parsed = secretsSchema.safeParse(this.secretConf.store);
    if (!parsed.success) throw new SettingsError(`${this.secretConf.path}: not a secrets file`);
    return parsed.data;
  }

  private writeSecrets(data: SecretsData): void {
    this.secretConf.store = data;
  }

  private encrypt(plain: string): string {
    return this.cipher ? `enc:${this.cipher.scheme}:${this.cipher.encrypt(plain)}` : plain;
  }

  /** A stored secret as plain text, or null (and the reason kept) when this process cannot decrypt it. */
  private readSecret(stored: string | undefined, label: string): string | null {
    this.unreadable.delete(label);
    if (stored === undefined) return '';
    const scheme = ENCRYPTED.exec(stored)?.[1];
    if (scheme === undefined) return stored;
    const fail = (why: string) => {
      this.unreadable.set(label, `${label} ${why}: give its value another way (dagstudio run --var NAME=VALUE for a variable) or save it again here`);
      return null;
    };
    if (!this.cipher || this.cipher.scheme !== scheme) return fail(`was saved encrypted (${scheme}) by the desktop app and this process cannot decrypt it`);
    try {
      return this.cipher.decrypt(stored.slice(`enc:${scheme}:`.length));
    } catch {
      return fail('cannot be decrypted (was it saved on another machine or by another user?)');
    }
  }
}
