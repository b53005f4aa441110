export { DEFAULT_QEMU_BINARY, launchQemu, type LaunchOptions } from './launch.js';
export { findQemuPaths, qemuPaths, type DriverDirs, type QemuPaths } from './paths.js';
export { isQemuOf, processAlive, readPidFile } from './pid.js';
export { killPainfully } from './kill.js';
export { QemuProcess, removeRuntimeFiles, terminateOnGuestShutdown } from './qemu-process.js';
export { reconnectQemu, reconnectQemuByName, runningQemuPid } from './reconnect.js';
export type { ListenSocket, TapAttach } from './prepared-fds.js';
export { planPassedFds, type PassedFile } from './passed-fds.js';
