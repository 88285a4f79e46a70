import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiClient } from '../transport/client';
import { fetchPage, MAX_PAGES, type ListRequest, type PagingStyle } from '../transport/pagination';
import { withoutSeparators } from '../validation';

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
	/** The number in E.164, so By Number items find their ID in the pages too. */
	e164Of: (number: IDataObject) => string;
}

/** Where an update item reads its number from before comparing: the run's pages, or alone. */
export interface NumberReads {
	/** The number `id` from the run's list pages, once; undefined: read it alone. */
	listed(id: string): Promise<IDataObject | undefined>;
	/** The ID of the one listed number that is `e164`; undefined: look it up as usual. */
	idOfNumber(e164: string): Promise<string | undefined>;
}

export const NO_PAGE_READS: NumberReads = {
	listed: async () => undefined,
	idOfNumber: async () => undefined,
};

/**
 * The page reads of the run an execute context belongs to. The locator (shared by every provider's
 * operations) finds them here rather than through every provider's path helper.
 */
const readsOfRun = new WeakMap<IExecuteFunctions, NumberReads>();

export function setRunReads(ctx: IExecuteFunctions, reads: NumberReads): void {
	readsOfRun.set(ctx, reads);
}

export function runReads(ctx: IExecuteFunctions): NumberReads {
	return readsOfRun.get(ctx) ?? NO_PAGE_READS;
}

/** What an item names: an ID (By ID, From List) or an E.164 number (By Number). */
export interface WantedNumber {
	id?: string;
	e164?: string;
}

/**
 * The IDs the items of an update run name By ID or From List and read before writing (Dry Run,
 * Skip Unchanged): only those are worth looking for in the list. Read without failing: a bad
 * parameter fails its own item later, with its own error.
 */
export function numbersReadFirst(ctx: IExecuteFunctions): WantedNumber[] {
	const wanted: WantedNumber[] = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
			if (options.dryRun !== true && options.skipUnchanged !== true) continue;
			const locator = ctx.getNodeParameter('phoneNumber', itemIndex, undefined, { extractValue: false }) as IDataObject | string | number;
			const isLocator = typeof locator === 'object' && locator !== null && 'value' in locator;
			const value = isLocator ? locator.value : locator;
			if (typeof value !== 'string' && typeof value !== 'number') continue;
			if (isLocator && locator.mode === 'number') wanted.push({ e164: withoutSeparators(String(value)) });
			else wanted.push({ id: String(value).trim() });
		} catch {
			continue;
		}
	}
	return wanted;
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
	/** Wanted keys (`id:…`, `e164:…`) not found yet. */
	private readonly missing: Set<string>;
	private readonly found = new Map<string, IDataObject>();
	/** E.164 → IDs listed with it (more than one: the usual lookup says so). */
	private readonly ids = new Map<string, string[]>();
	private walk?: Promise<void>;
	/** Pages read, for tests. */
	pages = 0;

	constructor(
		private readonly source: ListedNumbers,
		wanted: WantedNumber[],
	) {
		this.missing = new Set(wanted.map(keyOf));
	}

	/** Whether walking the list can pay off: two or more distinct numbers to read. */
	static worthIt(wanted: WantedNumber[]): boolean {
		return new Set(wanted.map(keyOf)).size >= 2;
	}

	async listed(id: string): Promise<IDataObject | undefined> {
		await this.walked();
		const number = this.found.get(id);
		// Once: a second item on the same number reads it after the first one's write.
		this.found.delete(id);
		return number;
	}

	async idOfNumber(e164: string): Promise<string | undefined> {
		await this.walked();
		const ids = this.ids.get(e164);
		return ids?.length === 1 ? ids[0] : undefined;
	}

	private async walked(): Promise<void> {
		this.walk ??= this.walkPages().catch(() => {
			// A failed walk reads alone: each item then gets its own read's error, if any.
			this.found.clear();
			this.ids.clear();
		});
		await this.walk;
	}

	private async walkPages(): Promise<void> {
		const { client, style, list, idOf, e164Of } = this.source;
		let cursor: unknown;
		let finds = 0;
		const seen = new Set<string>();
		while (this.missing.size > 0 && this.pages <= finds + 1 && this.pages < MAX_PAGES) {
			const page = await fetchPage(client, style, list, cursor);
			this.pages++;
			for (const number of page.items) {
				const id = idOf(number);
				const e164 = e164Of(number);
				const byId = this.missing.delete(`id:${id}`);
				const byNumber = this.missing.has(`e164:${e164}`) || this.ids.has(e164);
				if (!byId && !byNumber) continue;
				finds++;
				this.found.set(id, number);
				if (byNumber) {
					// Not removed from `missing` on the first: the same number listed twice must be seen.
					this.ids.set(e164, [...(this.ids.get(e164) ?? []), id]);
				}
			}
			for (const e164 of this.ids.keys()) this.missing.delete(`e164:${e164}`);
			if (page.next === undefined || page.items.length === 0) return;
			// A cursor that comes back would loop: stop and let the rest read alone.
			const key = JSON.stringify(page.next);
			if (seen.has(key)) return;
			seen.add(key);
			cursor = page.next;
		}
	}
}

function keyOf(wanted: WantedNumber): string {
	return wanted.id !== undefined ? `id:${wanted.id}` : `e164:${wanted.e164}`;
}
