// One labelled field of a back-office settings form: a choice or a text box, with its hint.
// Shared by the WeCom connection and the unified-login settings.
export type SelectField = { name: string; label: string; value: string; options: { value: string; label: string }[]; hint?: string };
export type TextField = {
  name: string;
  label: string;
  value: string;
  type?: "text" | "password" | "number";
  placeholder?: string;
  hint?: string;
};

const inputClass = "w-full rounded-lg border border-slate-300 px-3 py-2.5";

export function SettingsField({ field }: { field: SelectField | TextField }) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm text-slate-600">{field.label}</span>
      {"options" in field ? (
        <select name={field.name} defaultValue={field.value} className={`${inputClass} bg-white`}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          name={field.name}
          type={field.type ?? "text"}
          defaultValue={field.value}
          placeholder={field.placeholder}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
        />
      )}
      {field.hint ? <span className="text-xs text-slate-500">{field.hint}</span> : null}
    </label>
  );
}
