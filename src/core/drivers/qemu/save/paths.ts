import { join } from 'node:path';
import type { QemuPaths } from '../config/paths.js';

/** qemuDomainManagedSavePath: LIBDIR/save/NAME.save (cfg->saveDir). */
export const saveDir = (paths: QemuPaths): string => join(paths.libDir, 'save');
export const managedSavePath = (paths: QemuPaths, name: string): string => join(saveDir(paths), `${name}.save`);
