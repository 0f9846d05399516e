// Reference data (teams and code lists), loaded once per session and cached.
import { useQuery } from '@tanstack/react-query';
import type { CodeItem, Reference } from '../../server/modules/reference/reference.schemas';
import { api } from './api';
import type { Option } from './fields';
import { queryKeys } from './query-keys';

export function useReference() {
  return useQuery({ queryKey: queryKeys.reference, queryFn: () => api.get<Reference>('/api/v1/reference'), staleTime: Infinity, gcTime: Infinity });
}

export function codeOptions(reference: Reference | undefined, list: string): Option[] {
  return (reference?.codes[list] ?? []).map((item: CodeItem) => ({ value: item.code, label: item.label }));
}

export function codeLabel(reference: Reference | undefined, list: string, code: string | null | undefined): string {
  if (!code) return '';
  return reference?.codes[list]?.find((item) => item.code === code)?.label ?? code;
}
