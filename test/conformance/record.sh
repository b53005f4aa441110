#!/usr/bin/env bash
# Re-records every conformance golden from real virsh 9.0.
set -euo pipefail
command -v virsh >/dev/null || { echo "record: needs real virsh (apt-get install libvirt-clients)" >&2; exit 1; }
exec node "$(dirname "$0")/record.mjs" "$@"
