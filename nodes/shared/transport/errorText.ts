import type { IDataObject } from 'n8n-workflow';

/**
 * The `error` and `message` texts many APIs put at the top of an error body, each once:
 * `{"error": "…"}`, `{"error": {"message": "…"}}` (Close's legacy 429), `{"message": "…"}`.
 */
export function errorAndMessage(data: IDataObject): string[] {
	const error = data.error as IDataObject | string | undefined;
	const texts = [
		typeof error === 'string' ? error : error && typeof error === 'object' ? error.message : undefined,
		data.message,
	].filter((text): text is string => typeof text === 'string');
	return [...new Set(texts)];
}
