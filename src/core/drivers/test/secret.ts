import type { SecretApi } from '../../api/secret.js';
import { invalidArg, unsupported } from '../../errors.js';
import type { TestNode } from './node.js';

/** virUUIDParse: 32 hex digits, dashes allowed between them, blanks around. */
const UUID_TEXT = /^\s*([0-9a-fA-F]-?){31}[0-9a-fA-F]\s*$/;

/** The test driver has no secret driver: no state, every call unsupported. */
export function secretOps(_node: TestNode): SecretApi {
  const none = (api: string) => async () => {
    throw unsupported(api);
  };
  return {
    numOfSecrets: none('virConnectNumOfSecrets'),
    listSecrets: none('virConnectListSecrets'),
    listAllSecrets: none('virConnectListAllSecrets'),
    secretLookupByUUIDString: async (uuid) => {
      if (!UUID_TEXT.test(uuid)) throw invalidArg('uuidstr in virSecretLookupByUUIDString must be a valid UUID');
      throw unsupported('virSecretLookupByUUID');
    },
    secretLookupByUsage: none('virSecretLookupByUsage'),
    secretDefineXML: none('virSecretDefineXML'),
    secretGetXMLDesc: none('virSecretGetXMLDesc'),
    secretSetValue: none('virSecretSetValue'),
    secretGetValue: none('virSecretGetValue'),
    secretUndefine: none('virSecretUndefine'),
    secretEventRegisterAny: none('virConnectSecretEventRegisterAny'),
  };
}
