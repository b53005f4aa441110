import type { EventApi } from '../events.js';
import { arg, nonNegative, nonNull } from './checks.js';
import { row, type Table } from './table.js';

/** virConnect*EventRegisterAny / DeregisterAny and the close callback. */
export const eventRows: Table<EventApi> = {
  connectDomainEventRegisterAny: row('virConnectDomainEventRegisterAny', nonNull('cb', arg(2)), nonNegative('eventID', arg(1))),
  connectDomainEventDeregisterAny: row('virConnectDomainEventDeregisterAny', nonNegative('callbackID', arg(0))),
  connectNodeDeviceEventRegisterAny: row('virConnectNodeDeviceEventRegisterAny', nonNull('cb', arg(2)), nonNegative('eventID', arg(1))),
  connectNodeDeviceEventDeregisterAny: row('virConnectNodeDeviceEventDeregisterAny', nonNegative('callbackID', arg(0))),
  connectRegisterCloseCallback: row('virConnectRegisterCloseCallback', nonNull('cb', arg(0))),
  connectUnregisterCloseCallback: row('virConnectUnregisterCloseCallback', nonNull('cb', arg(0))),
};
