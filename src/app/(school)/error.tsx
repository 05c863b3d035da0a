"use client";
import { AreaError } from "~/components/area-error";
import { SchoolContactsFromLayout } from "~/components/school-contacts-context";

// A school's page that failed: the way on, and whom to ask (the school's contacts and help pages).
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AreaError {...props} home="/">
      <SchoolContactsFromLayout />
    </AreaError>
  );
}
