export { parseURI, formatURI, parseParams, uriUnescape, type VirURI } from './parse.js';
export { parseConf, confString, confStringList, type Conf, type ConfValue } from './conf.js';
export { clientConfigPath, loadClientConfig, defaultURI, resolveAlias, userConfigDir } from './config.js';
export { remoteTarget, splitScheme, type RemoteTarget, type Transport } from './remote-target.js';
