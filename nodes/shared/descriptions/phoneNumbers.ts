/**
 * One format for numbers in every dropdown: NANP numbers as "+1 650-555-1000" (as Close formats
 * them), others in E.164 as given.
 */
export function formatPhoneNumber(e164: unknown): string {
	const text = String(e164 ?? '');
	const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(text);
	return match ? `+1 ${match[1]}-${match[2]}-${match[3]}` : text;
}
