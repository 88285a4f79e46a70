import type { INodeProperties } from 'n8n-workflow';

import { phoneNumberDescription } from '../../../shared/descriptions/phoneNumberResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** The three operation files, for the router. */
export const operations = { get, getAll, update };

export const description: INodeProperties[] = phoneNumberDescription('Update who answers a phone number (assistant, squad, workflow or server URL), its fallback and name', operations);
