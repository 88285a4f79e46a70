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
