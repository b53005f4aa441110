#!/usr/bin/env node
'use strict';
// The daemon: one bundle (dist/virtd-ts.cjs). It starts once and runs long, so unlike
// virsh-ts it needs no code cache.
require('../dist/virtd-ts.cjs');
