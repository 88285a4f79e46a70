import type { INodeProperties } from 'n8n-workflow';

import { phoneNumberOperations } from '../../../shared/descriptions/phoneNumberResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { get, getAll, update };

export const description: INodeProperties[] = [
	phoneNumberOperations("Update a phone number's connection, call forwarding, CNAM, recording and messaging profile"),
	...update.description,
	...get.description,
	...getAll.description,
];
