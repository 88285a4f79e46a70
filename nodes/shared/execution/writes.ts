import type { IDataObject } from 'n8n-workflow';

import { ApiClient } from '../transport/client';
import type { ApiRequest } from '../transport/types';

/**
 * A write, and what the user sees after it: the provider's answer when it is the updated record,
 * else the record read back. A 2xx answer is never a reason to write again (contract rule 5):
 * an empty, non-JSON or non-object body only means the record has to be read.
 */
export async function writeAndRead(
	client: ApiClient,
	request: ApiRequest,
	readBack: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const answer = await client.request<unknown>(request);
	if (ApiClient.isObject(answer) && Object.keys(answer).length > 0) return answer;
	return await readBack();
}

/** One request of an update that spans several (Telnyx: the number, its voice, its messaging settings). */
export interface WriteStep<T> {
	/** What the step changes, as the user reads it: "voice settings". */
	name: string;
	run: () => Promise<T>;
}

/**
 * Runs the steps in order and stops at the first failure, whose error then says what was already
 * applied and what was never sent: a half-done update is never silent.
 */
export async function writeInSteps<T>(steps: Array<WriteStep<T>>): Promise<T[]> {
	const results: T[] = [];
	for (const [index, step] of steps.entries()) {
		let failure: unknown;
		try {
			results.push(await step.run());
		} catch (error) {
			failure = error;
		}
		if (failure === undefined) continue;
		if (steps.length > 1 && failure && typeof failure === 'object') {
			const applied = steps.slice(0, index).map((s) => s.name);
			const notSent = steps.slice(index + 1).map((s) => s.name);
			const failed = failure as { message: string; description?: string | null };
			const state = [
				applied.length ? `Already applied: ${applied.join(', ')}.` : 'Nothing was changed.',
				`Failed: ${step.name}.`,
				notSent.length ? `Not sent: ${notSent.join(', ')}.` : '',
			]
				.filter(Boolean)
				.join(' ');
			if (applied.length) failed.message = `${failed.message} (${applied.join(' and ')} already applied)`;
			failed.description = failed.description ? `${state}\n\n${failed.description}` : state;
		}
		throw failure;
	}
	return results;
}
