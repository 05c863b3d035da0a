// Moved to the kit (src/components/ui/plain-form.tsx); this re-export keeps imports made before the move working.
export { Field, primaryButton, Refusal } from "~/components/ui/plain-form";
