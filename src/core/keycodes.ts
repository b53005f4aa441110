/** The tables load on first use: they are large, and only send-key needs them. */
const tables = () => import('./keycodes-data.js');

/** virKeycodeSet, in libvirt's enum order (the codeset number the API carries). */
export const KEYCODE_SETS = ['linux', 'xt', 'atset1', 'atset2', 'atset3', 'os_x', 'xt_kbd', 'usb', 'win32', 'qnum'] as const;

/** XT was added by mistake and shares AT set 1's table. */
const tableOf = (set: number): string | undefined => (KEYCODE_SETS[set] === 'xt' ? 'atset1' : KEYCODE_SETS[set]);

/** virKeycodeSetTypeFromString: the codeset number, -1 when unknown. */
export function keycodeSetFromString(name: string): number {
  return (KEYCODE_SETS as readonly string[]).indexOf(name);
}

/** virKeycodeValueFromString: a symbolic key name's value in the codeset, -1 when unknown. */
export async function keycodeFromName(set: number, name: string): Promise<number> {
  const names = (await tables()).KEY_NAMES[tableOf(set) ?? ''];
  return names && Object.hasOwn(names, name) ? names[name] : -1;
}

/** virKeycodeValueTranslate(set, set, value) >= 0: the codeset's table has the value. */
export async function keycodeKnown(set: number, value: number): Promise<boolean> {
  return (await tables()).KEYCODE_VALUES[tableOf(set) ?? '']?.includes(value) ?? false;
}
