// Lets a component ask "really delete?" with one call and render the dialog.
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export function useConfirm(): [(message: string, action: () => void) => void, ReactNode] {
  const [pending, setPending] = useState<{ message: string; action: () => void } | null>(null);
  const dialog = pending ? (
    <ConfirmDialog
      message={pending.message}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        setPending(null);
        pending.action();
      }}
    />
  ) : null;
  return [(message, action) => setPending({ message, action }), dialog];
}
