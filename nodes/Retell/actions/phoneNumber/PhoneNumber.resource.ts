import type { INodeProperties } from 'n8n-workflow';

import { phoneNumberDescription } from '../../../shared/descriptions/phoneNumberResource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** The three operation files, for the router. */
export const operations = { get, getAll, update };

export const description: INodeProperties[] = phoneNumberDescription("Update a phone number's agents, webhooks, fallback, allowed countries and SIP trunk", operations);
