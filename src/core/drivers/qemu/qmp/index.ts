export { QmpClient, rawReplyText, type QmpConnectOptions } from './client.js';
export { QmpCommandError } from './errors.js';
export type { QmpCommand, QmpErrorBody, QmpEvent, QmpGreeting, QmpReply } from './types.js';
