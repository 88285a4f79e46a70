/**
 * The shared pagination styles on their own: what each asks for and where it goes next. Every
 * provider's lists run through these (Close and Synthflow offsets, SignalWire and Twilio links,
 * Telnyx page numbers), through n8n-core in the provider suites; here the styles' rules are
 * pinned where a reader looks for them.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../nodes/shared/transport/client';
import { linkPaging, listAll, offsetPaging, pageNumberPaging } from '../../nodes/shared/transport/pagination';
import type { ApiRequest } from '../../nodes/shared/transport/types';

/** A client that answers from `pages` in turn and keeps what was asked. */
function fakeClient(pages: IDataObject[]) {
	const asked: ApiRequest[] = [];
	const client = {
		node: { name: 'Test' },
		providerName: 'Test',
		async requestObject(request: ApiRequest) {
			asked.push(request);
			return pages[asked.length - 1] ?? {};
		},
	} as unknown as ApiClient;
	return { client, asked };
}

it('offset pages ask for the next offset while the answer says there is more, and never more than wanted', async () => {
	const style = offsetPaging({ offset: '_skip', limit: '_limit', pageSize: 2 }, (a) => a.data, (a) => Boolean(a.has_more));
	const { client, asked } = fakeClient([
		{ data: [{ id: 1 }, { id: 2 }], has_more: true },
		{ data: [{ id: 3 }], has_more: false },
	]);
	const items = await listAll(client, style, { path: '/list/', qs: { type: 'x' } }, { limit: 5 });
	expect(items.map((i) => i.id)).toEqual([1, 2, 3]);
	expect(asked.map((r) => [r.path, r.url, r.qs])).toEqual([
		['/list/', undefined, { type: 'x', _skip: 0, _limit: 2 }],
		['/list/', undefined, { type: 'x', _skip: 2, _limit: 2 }],
	]);
});

it('link pages request the next link as it is (no query added) and stop at an empty link', async () => {
	const style = linkPaging((a) => a.items, (a) => a.next);
	const { client, asked } = fakeClient([
		{ items: [{ id: 1 }], next: '/list?PageToken=abc&Page=1' },
		{ items: [{ id: 2 }], next: '' },
	]);
	const items = await listAll(client, style, { path: '/list', qs: { PageSize: 50 }, permission: 'the Voice scope' });
	expect(items.map((i) => i.id)).toEqual([1, 2]);
	expect(asked.map((r) => [r.path, r.url, r.qs, r.permission])).toEqual([
		['/list', undefined, { PageSize: 50 }, 'the Voice scope'],
		[undefined, '/list?PageToken=abc&Page=1', undefined, 'the Voice scope'],
	]);
});

it('numbered pages go on from the page the answer says it is, up to the total it reports', async () => {
	const style = pageNumberPaging('page[number]', (a) => a.data, (a) => (a.meta ?? {}) as { page?: unknown; total?: unknown });
	const { client, asked } = fakeClient([
		{ data: [{ id: 1 }], meta: { page: 1, total: 3 } },
		{ data: [{ id: 2 }], meta: { page: 2, total: 3 } },
		{ data: [{ id: 3 }], meta: { page: 3, total: 3 } },
	]);
	const items = await listAll(client, style, { path: '/numbers', qs: { 'page[size]': 1 } }, { limit: 10 });
	expect(items.map((i) => i.id)).toEqual([1, 2, 3]);
	// The page size stays one size throughout (the query's), whatever is still wanted.
	expect(asked.map((r) => r.qs)).toEqual([1, 2, 3].map((n) => ({ 'page[size]': 1, 'page[number]': n })));
});

it('a page that keeps naming itself ends the listing with an error, not a loop', async () => {
	const style = pageNumberPaging('page[number]', (a) => a.data, () => ({ page: 1, total: 5 }));
	const { client, asked } = fakeClient(Array.from({ length: 10 }, () => ({ data: [{ id: 1 }] })));
	await expect(listAll(client, style, { path: '/numbers' })).rejects.toThrow(/same next page twice/);
	expect(asked.length).toBeLessThanOrEqual(3);
});
