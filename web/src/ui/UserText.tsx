// Text written by customers or staff, or stored data (names, numbers): laid out in its own
// direction (dir="auto"), whatever the UI language, and marked translate="no" so translation
// tools and the pseudo-locale check leave it alone.
import type { ComboboxItem } from '@mantine/core';
import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

type UserTextProps = TextProps & { children: ReactNode; component?: 'span' | 'p' | 'div'; title?: string };

export function UserText({ children, component = 'span', ...props }: UserTextProps) {
  return (
    <Text component={component} dir="auto" translate="no" {...props}>
      {children}
    </Text>
  );
}

/** Inline stored value (a case number, a name) without Text styling. */
export function Data({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi translate="no" className={className}>
      {children}
    </bdi>
  );
}

/** renderOption for selects whose options are stored data (departments, staff). */
export function renderDataOption({ option }: { option: ComboboxItem }) {
  return <span translate="no">{option.label}</span>;
}
