"use client";
import { AreaError } from "~/components/area-error";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <AreaError {...props} home="/admin" />;
}
