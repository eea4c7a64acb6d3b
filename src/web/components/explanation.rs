//! The catalogue's explanation of a code: what it means and who it affects.

use crate::catalogue::{self, Entry};
use crate::web::markup::{h3, p};
use crate::Lang;
use yew::prelude::*;

/// Title, meaning, scope, what happened, why, whether waiting helps, source:
/// what `entry` says, in `lang`.
pub fn explanation(lang: Lang, entry: &'static Entry) -> Html {
    let ui = catalogue::ui(lang);
    let texts = entry.texts(lang);
    html! {
        <div class="ndr-explanation">
            <p class="ndr-fix" data-testid="fixed-by">
                <span class="ndr-visually-hidden">{ ui.labelled(ui.fixed_by_label, "") }</span>
                { ui.fix_line(entry) }
            </p>
            <h2 id="ndr-help-heading" data-testid="title">{ texts.title }</h2>
            <p data-testid="explanation" class="ndr-meaning">{ texts.meaning }</p>
            <p class="ndr-scope" data-testid="scope">{ ui.scope(entry.scope) }</p>
            { h3(ui.what_happened_heading) }{ p(texts.what_happened) }
            { h3(ui.why_heading) }{ p(texts.why) }
            { h3(ui.affected_heading) }{ p(texts.affected) }
            { h3(ui.waiting_heading) }{ p(texts.waiting) }
            <p class="ndr-source" data-testid="source">
                { ui.labelled(ui.source_prefix, "") }
                <a href={ texts.source_url } target="_blank" rel="noopener noreferrer">{ texts.source_title }</a>
                { format!(" ({} {})", ui.checked_prefix, entry.checked) }
            </p>
            { h3(ui.see_also_heading) }
            <ul class="ndr-links" data-testid="see-also">
                { for texts.see_also.iter().map(|link| html! {
                    <li><a href={ link.url } target="_blank" rel="noopener noreferrer">{ link.title }</a></li>
                }) }
            </ul>
        </div>
    }
}
