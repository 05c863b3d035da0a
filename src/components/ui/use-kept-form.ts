"use client";
// useActionState for a form that keeps what was typed when the server refuses it. React resets a
// `<form action={…}>` after every run of its action (React 19's form actions), so a refused save
// would empty every field and the admin would type it all again: "bad input gets a clear error and
// loses nothing". With scripts the form is sent from onSubmit inside a transition, which React
// dispatches without the reset; it resets on success, as before. Without scripts the form still
// posts to the action (the `action` prop).
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

/** The form's fields with the button that sent it (its name and value, as a browser's own post carries them). */
function formDataOf(event: FormEvent<HTMLFormElement>): FormData {
  const data = new FormData(event.currentTarget);
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  if ((submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) && submitter.name)
    data.append(submitter.name, submitter.value);
  return data;
}

export function useKeptForm<Result extends { ok: boolean }>(
  action: (previous: Result | null, form: FormData) => Promise<Result>,
  options: { beforeSend?: (form: FormData) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<Result | null, FormData>(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = formDataOf(event);
    options.beforeSend?.(data);
    startTransition(() => dispatch(data));
  };
  return [state, { ref, action: dispatch, onSubmit }, pending] as const;
}
