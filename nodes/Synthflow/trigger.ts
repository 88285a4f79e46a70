import type { PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { synthflow } from './provider';
import type { SynthflowConnection } from './transport';

/**
 * Synthflow's list answers only `number`, `sid` and `is_available`: its Update fields are one read a
 * number, past what a poll may cost. The trigger sees numbers added and removed, and whether each is
 * in use.
 */
export const synthflowWatch: PhoneNumberWatch<SynthflowConnection> = {
	provider: synthflow,
	getAll,
	fields: [{ key: 'isAvailable', label: 'Is Available', value: (n) => n.is_available }],
};
