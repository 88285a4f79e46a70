import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiClient } from '../transport/client';
import type { PagingStyle } from '../transport/pagination';
import type { RetryPolicy } from '../transport/types';

/**
 * What every operation of every node receives: the run's one API client (one pacer per
 * credential), and whatever else the credential gives (Twilio's trunking client and account SID,
 * Synthflow's workspace).
 */
export interface Connection {
	client: ApiClient;
}

/** A number at the provider once the locator is resolved: its ID, its path, and how errors name it. */
export interface NumberAddress {
	id: string;
	path: string;
	/** Where an update is written, where that is not `path` (Retell's `/update-phone-number/…`). */
	updatePath?: string;
	resource: string;
}

/** The provider's list of numbers: Get Many, the trigger and the page reads of update runs walk it. */
export interface NumberList {
	path: string;
	style: PagingStyle<unknown>;
	/** The list's query with the page size the provider takes (as many as wanted, at most its largest), where the paging style does not set it. */
	sized: (qs?: IDataObject, limit?: number) => IDataObject;
	/** Whether each entry is the whole number as Get reads it: update runs that read first (Dry Run, Skip Unchanged) then read from the pages. */
	entriesAreWhole: boolean;
	idOf: (number: IDataObject) => string;
	/** The number in E.164, so By Number items find their ID in the pages too. */
	e164Of: (number: IDataObject) => string;
}

/**
 * A provider's facts, declared once in its folder (`nodes/<Provider>/provider.ts`): the shared
 * router, Get, Get Many and Update are built from them.
 */
export interface PhoneNumberProvider<C extends Connection = Connection> {
	/** The provider as messages name it ("Retell AI"). */
	displayName: string;
	/** The connection, made once a run from the credential. */
	connect: (ctx: IExecuteFunctions | ILoadOptionsFunctions, policy: RetryPolicy) => Promise<C>;
	/** The Phone Number resource locator (list, ID, number). */
	locator: INodeProperties;
	/** The number an item's locator names (By Number looks it up). */
	locate: (ctx: IExecuteFunctions, connection: C, itemIndex: number) => Promise<NumberAddress>;
	list: NumberList;
}

/** A list's query with the page size in `param` before the filters: as many as wanted, at most `max`. */
export function pageSizeFirst(param: string, max: number): NumberList['sized'] {
	return (qs, limit) => ({ [param]: Math.min(max, limit ?? max), ...qs });
}

/** The same, after the filters (where the provider's query has always been written so). */
export function pageSizeLast(param: string, max: number): NumberList['sized'] {
	return (qs, limit) => ({ ...qs, [param]: Math.min(max, limit ?? max) });
}

/** For paging styles that set the page size themselves (offset pages). */
export const sizedByStyle: NumberList['sized'] = (qs = {}) => qs;
