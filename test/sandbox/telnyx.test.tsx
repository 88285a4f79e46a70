/**
 * The Telnyx stand-in against the facts in PROVIDERS.md (Telnyx's spec and docs): paging,
 * digits-only number filter, error shape with string codes, x-ratelimit-* headers, the three
 * endpoints' nested bodies. The nodes are tested against it, so it must hold to the document.
 */
import axios from 'axios';

import { TELNYX_KEYS } from '../../sandbox/telnyx/data';
import { useSandbox } from '../harness/sandbox';

const sandbox = useSandbox({ rateLimits: { close: 0, telnyx: 3 } });
const telnyx = axios.create({ validateStatus: () => true, headers: { Authorization: `Bearer ${TELNYX_KEYS.main}` } });
const url = (path: string) => `${sandbox().url}/v2${path}`;
const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));

beforeEach(pause);

describe('the Telnyx sandbox', () => {
	it('pages by page[number] and page[size] (1–250) with meta.total_pages, over more than 250 numbers', async () => {
		const first = await telnyx.get(url('/phone_numbers'), { params: { 'page[size]': 250 } });
		expect(first.status).toBe(200);
		expect(first.data.meta).toEqual({ page_number: 1, page_size: 250, total_pages: 2, total_results: 300 });
		const second = await telnyx.get(url('/phone_numbers'), { params: { 'page[size]': 250, 'page[number]': 2 } });
		expect(second.data.data).toHaveLength(50);
		const tooBig = await telnyx.get(url('/phone_numbers'), { params: { 'page[size]': 251 } });
		expect(tooBig.status).toBe(400);
	});

	it('filter[phone_number] takes digits only: a "+" matches nothing', async () => {
		const phone = sandbox().state.telnyx.numbers[5].phone_number;
		const digits = await telnyx.get(url('/phone_numbers'), { params: { 'filter[phone_number]': phone.slice(1) } });
		expect(digits.data.data.map((n: { phone_number: string }) => n.phone_number)).toEqual([phone]);
		await pause();
		const plus = await telnyx.get(url('/phone_numbers'), { params: { 'filter[phone_number]': phone } });
		expect(plus.data.data).toEqual([]);
	});

	it('answers errors as {errors: [{code (a string), title, detail, source.pointer}]}, 429 with code 10011 and x-ratelimit-*', async () => {
		const id = sandbox().state.telnyx.numbers[0].id;
		const bad = await telnyx.patch(url(`/phone_numbers/${id}/voice`), { call_forwarding: { forwards_to: '3125550100' } });
		expect(bad.status).toBe(422);
		expect(bad.data.errors[0]).toMatchObject({ code: '10015', title: expect.any(String), detail: expect.any(String), source: { pointer: '/call_forwarding/forwards_to' } });
		expect(bad.headers['x-ratelimit-limit']).toBe('3');
		const answers = [await telnyx.get(url('/billing_groups')), await telnyx.get(url('/billing_groups')), await telnyx.get(url('/billing_groups'))];
		expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
		expect(answers[2].data.errors[0].code).toBe('10011');
		expect(Number(answers[2].headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(1);
		expect(answers[1].headers['x-ratelimit-remaining']).toBe('0');
	});

	it('takes CNAM details (≤ 15 letters, digits or spaces) only with the listing enabled, and each needs the other', async () => {
		const id = sandbox().state.telnyx.numbers[1].id;
		const alone = await telnyx.patch(url(`/phone_numbers/${id}/voice`), { cnam_listing: { cnam_listing_details: 'ACME' } });
		expect(alone.status).toBe(422);
		await pause();
		const long = await telnyx.patch(url(`/phone_numbers/${id}/voice`), { cnam_listing: { cnam_listing_enabled: true, cnam_listing_details: 'ACME SUPPORT LINE' } });
		expect(long.status).toBe(422);
		await pause();
		const ok = await telnyx.patch(url(`/phone_numbers/${id}/voice`), { cnam_listing: { cnam_listing_enabled: true, cnam_listing_details: 'ACME SUPPORT' } });
		expect(ok.status).toBe(200);
		expect(ok.data.data.cnam_listing).toEqual({ cnam_listing_enabled: true, cnam_listing_details: 'ACME SUPPORT' });
	});

	it('keeps the messaging profile for null, unassigns it for "" and refuses an unknown ID', async () => {
		const number = sandbox().state.telnyx.numbers[0];
		const before = sandbox().state.telnyx.messaging.get(number.id)?.messaging_profile_id;
		expect(before).toBeTruthy();
		const keep = await telnyx.patch(url(`/phone_numbers/${number.id}/messaging`), { messaging_profile_id: null });
		expect(keep.data.data.messaging_profile_id).toBe(before);
		await pause();
		const unknown = await telnyx.patch(url(`/phone_numbers/${number.id}/messaging`), { messaging_profile_id: '00000000-0000-4000-8000-000000000000' });
		expect(unknown.status).toBe(422);
		await pause();
		const cleared = await telnyx.patch(url(`/phone_numbers/${number.id}/messaging`), { messaging_profile_id: '' });
		expect(cleared.data.data.messaging_profile_id).toBeNull();
	});

	it('refuses a missing or wrong API key with 401', async () => {
		const answer = await axios.get(url('/phone_numbers'), { validateStatus: () => true, headers: { Authorization: 'Bearer KEY_nope' } });
		expect(answer.status).toBe(401);
		expect(answer.data.errors[0].code).toBe('10009');
	});
});

describe('the Twilio sandbox as twilio-oai documents it (issue 29)', () => {
	const twilio = useSandbox();

	it('accepts the documented ApiVersion parameter, and its numbers carry type', async () => {
		const { TWILIO_ACCOUNT } = await import('../../sandbox/twilio/data');
		const number = twilio().state.twilio.numbers[0];
		const url = `${twilio().url}/2010-04-01/Accounts/${TWILIO_ACCOUNT.accountSid}/IncomingPhoneNumbers/${number.sid}.json`;
		const auth = `Basic ${Buffer.from(`${TWILIO_ACCOUNT.accountSid}:${TWILIO_ACCOUNT.authToken}`).toString('base64')}`;
		const answer = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'ApiVersion=2010-04-01' });
		expect(answer.status).toBe(200);
		const body = (await answer.json()) as { type?: string; api_version?: string };
		expect(['local', 'mobile', 'tollfree']).toContain(body.type);
		const refused = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'ApiVersion=2099-01-01' });
		expect(refused.status).toBe(400);
	});
});
