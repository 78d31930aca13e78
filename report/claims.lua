--[[
Numbers that carry their claims. The report's content functions write a claimed value as a
pandoc span, `[$110bn]{.claim data-claims="c001 c002"}` (a derived value also has `data-how`);
this filter makes it a link to its first claim's row in the Sources section (`#claim-c001`, the
span `[...]{#claim-c001}` of that row), in HTML and typst alike. In HTML the link keeps its
attributes: the page's own small script (written by `openai_funding.content.evidence`) shows the
quotes on hover and focus. In typst it is an internal link to the row's label.
Used by both engines: `filters: [claims.lua]` in `_quarto.yml`.
]]

function Span(el)
  if not el.classes:includes("claim") then
    return nil
  end
  local first = (el.attributes["data-claims"] or ""):match("[%w%-]+")
  if not first then
    return nil
  end
  return pandoc.Link(el.content, "#claim-" .. first, "", el.attr)
end
