import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiClient } from '../transport/client';
import { fetchPage, MAX_PAGES, type ListRequest, type PagingStyle } from '../transport/pagination';

/**
 * A provider's number list whose entries are the numbers exactly as its Get reads them (Close,
 * Twilio, SignalWire, Vapi, Retell). Providers whose list carries less (Telnyx's voice settings,
 * Synthflow's agent fields) declare none, and every item reads its number alone.
 */
export interface ListedNumbers {
	client: ApiClient;
	/** Any cursor type: the walker only hands back what the style gave it. */
	style: PagingStyle<unknown>;
	list: ListRequest;
	idOf: (number: IDataObject) => string;
}

/** Where an update item reads its number from before comparing: the run's pages, or alone. */
export interface NumberReads {
	/** The number `id` from the run's list pages, once; undefined: read it alone. */
	listed(id: string): Promise<IDataObject | undefined>;
}

export const NO_PAGE_READS: NumberReads = { listed: async () => undefined };

/**
 * The IDs the items of an update run name By ID or From List and read before writing (Dry Run,
 * Skip Unchanged): only those are worth looking for in the list. Read without failing: a bad
 * parameter fails its own item later, with its own error.
 */
export function idsReadFirst(ctx: IExecuteFunctions): string[] {
	const ids: string[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
			if (options.dryRun !== true && options.skipUnchanged !== true) continue;
			const locator = ctx.getNodeParameter('phoneNumber', itemIndex, undefined, { extractValue: false }) as IDataObject | string | number;
			const isLocator = typeof locator === 'object' && locator !== null && 'value' in locator;
			if (isLocator && locator.mode === 'number') continue;
			const value = isLocator ? locator.value : locator;
			if (typeof value === 'string' || typeof value === 'number') ids.push(String(value).trim());
		} catch {
			continue;
		}
	}
	return ids;
}

/**
 * Bulk reads by the page (contract: "Update options"). When at least two items of a run read
 * their numbers first, the list is walked once, page by page, through the same client (so the
 * same pacing), and each wanted number is kept as listed; an item then reads its number from there
 * instead of with a request of its own.
 *
 * Never dearer than reading alone by more than two requests: the walk goes on only while the pages
 * read are at most one more than the numbers found (so a list far larger than the run, where the
 * wanted numbers are few and far between, is left after two pages) and stops as soon as every
 * wanted number is found. Numbers not found, a walk that fails, and a number's second item (which
 * must see the first one's write) read alone. Only wanted numbers are kept.
 */
export class PageReads implements NumberReads {
	private readonly wanted: Set<string>;
	private readonly found = new Map<string, IDataObject>();
	private walk?: Promise<void>;
	/** Pages read and numbers found, for tests and the benchmark's request counts. */
	pages = 0;

	constructor(
		private readonly source: ListedNumbers,
		wanted: string[],
	) {
		this.wanted = new Set(wanted);
	}

	/** Whether walking the list can pay off: two or more distinct numbers to read. */
	static worthIt(wanted: string[]): boolean {
		return new Set(wanted).size >= 2;
	}

	async listed(id: string): Promise<IDataObject | undefined> {
		if (!this.wanted.has(id)) return undefined;
		this.walk ??= this.walkPages().catch(() => {
			// A failed walk reads alone: each item then gets its own read's error, if any.
			this.found.clear();
		});
		await this.walk;
		const number = this.found.get(id);
		// Once: a second item on the same number reads it after the first one's write.
		this.found.delete(id);
		this.wanted.delete(id);
		return number;
	}

	private async walkPages(): Promise<void> {
		const { client, style, list, idOf } = this.source;
		const missing = new Set(this.wanted);
		let cursor: unknown;
		const seen = new Set<string>();
		while (missing.size > 0 && this.pages <= this.found.size + 1 && this.pages < MAX_PAGES) {
			const page = await fetchPage(client, style, list, cursor);
			this.pages++;
			for (const number of page.items) {
				const id = idOf(number);
				if (!missing.has(id)) continue;
				missing.delete(id);
				this.found.set(id, number);
			}
			if (page.next === undefined || page.items.length === 0) return;
			// A cursor that comes back would loop: stop and let the rest read alone.
			const key = JSON.stringify(page.next);
			if (seen.has(key)) return;
			seen.add(key);
			cursor = page.next;
		}
	}
}
