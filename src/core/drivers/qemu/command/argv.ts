/**
 * A QEMU command being built: environment and arguments in order, printed the way
 * virCommandToString prints them (env first, each value shell-quoted only when needed).
 */
export class QemuCommand {
  readonly env: Array<[string, string]> = [];
  readonly args: string[] = [];

  constructor(readonly binary: string) {}

  /** virCommandAddEnvPair: a name already set keeps its place and takes the new value. */
  setEnv(name: string, value: string): void {
    const at = this.env.findIndex(([k]) => k === name);
    if (at >= 0) this.env[at] = [name, value];
    else this.env.push([name, value]);
  }

  add(...args: string[]): void {
    this.args.push(...args);
  }

  /** `-device '{json}'` and friends: libvirt passes device properties as JSON objects. */
  addJson(opt: string, props: JsonProps): void {
    this.args.push(opt, jsonArg(props));
  }

  toString(): string {
    const env = this.env.map(([k, v]) => `${k}=${shellQuote(v)} `).join('');
    return env + [this.binary, ...this.args].map(shellQuote).join(' ');
  }
}

/** Property values as libvirt's JSON builder emits them; undefined properties are skipped. */
export type JsonValue = string | number | boolean | null | JsonProps | undefined;
export interface JsonProps {
  [key: string]: JsonValue;
}

/** virJSONValueToString without pretty-printing; keys keep insertion order. */
export function jsonArg(props: JsonProps): string {
  return JSON.stringify(props);
}

/** virBufferEscapeShell: quote with '' only when the word holds shell metacharacters. */
export function shellQuote(word: string): string {
  if (word === '') return "''";
  if (!/[\r\t\n !"#$&'()*;<>?[\\\]^`{|}~]/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** virQEMUBuildBufferEscapeComma: commas inside a -opt value are doubled. */
export const escapeComma = (s: string): string => s.replace(/,/g, ',,');
