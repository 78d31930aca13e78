--[[
The parts of Quarto's own Lua filters the offline backend needs, for pandoc's html5 and typst
writers: figure and table floats with captions and numbers, @fig-/@tbl- cross-references,
callouts, and HTML tables turned into real tables for typst (whose writer drops raw HTML).
The words it writes ("Figure", "Table", "Section", callout titles) come from the metadata key
`of-words` (render/language.py: Quarto's words for the document's `lang`); in typst they are
also set as the supplements of figures, tables and headings, which typst would otherwise word
itself (in French: "Fig.", "Tableau", "Chapitre").
In HTML it also gives the page the landmarks Quarto's template has: the document's content in a
`main` element (Quarto's `#quarto-document-content`), after the title block (`header`) and the
table of contents (`nav`), and a skip link to it as the first thing a keyboard reaches
(`skip-link` of `of-words`). Each body cell of a table carries its column's header as
`data-label`, so that on a phone page.css can show a row as a list of "header: value".
]]

local is_html = FORMAT:match("html") ~= nil
local is_typst = FORMAT == "typst"
local names = { fig = "Figure", tbl = "Table", sec = "Section" }
local callout_titles = {}
local skip_words = "Skip to content"
local number_sections = false
local section_counters = {}
local counters = { fig = 0, tbl = 0 }
local numbers = {}

local callout_colors = {
  note = "#0758E5",
  tip = "#00A047",
  warning = "#EB9113",
  caution = "#FC5300",
  important = "#CC1914",
}

local function kind_of(id)
  if id == nil then
    return nil
  end
  return id:match("^(fig)%-") or id:match("^(tbl)%-")
end

local function typst_of(blocks)
  return pandoc.write(pandoc.Pandoc(blocks), "typst")
end

local function typst_string(s)
  return '"' .. s:gsub("\\", "\\\\"):gsub('"', '\\"') .. '"'
end

-- 1. HTML tables in outputs become pandoc tables when writing typst.
local function html_tables(el)
  if is_typst and el.format == "html" and el.text:lower():find("<table") then
    return pandoc.read(el.text, "html").blocks
  end
end

-- 2. Divs that are floats become pandoc Figures: ours carry .of-float and an .of-caption div;
-- Quarto's own `::: {#fig-x}` syntax takes its last paragraph as the caption.
local function floats(div)
  local id = div.identifier
  local ours = div.classes:includes("of-float")
  if not ours and not kind_of(id) then
    return nil
  end
  local content = pandoc.List(div.content)
  local caption = {}
  local last = content[#content]
  if ours then
    if last and last.t == "Div" and last.classes:includes("of-caption") then
      content:remove(#content)
      caption = last.content
    end
  elseif last and last.t == "Para" and #content > 1 then
    content:remove(#content)
    caption = { pandoc.Plain(last.content) }
  end
  local kind = kind_of(id) or div.attributes["of-kind"] or "fig"
  if is_typst and kind == "tbl" then
    -- typst makes every table a figure of kind table: hand the caption and label to the table
    -- itself rather than nesting that figure in another one (which would count twice)
    local tables = {}
    pandoc.Blocks(content):walk({
      Table = function(t)
        table.insert(tables, t)
      end,
    })
    if #tables == 1 then
      local t = tables[1]
      t.identifier = id
      t.caption = { long = caption }
      return t
    end
  end
  local attr = pandoc.Attr(id, { "quarto-float", "quarto-float-" .. kind }, {})
  local fig = pandoc.Figure(content, caption, attr)
  if id == "" then
    fig.classes:insert("unnumbered")
  end
  return fig
end

-- 3. Number floats in document order; HTML captions get "Figure N: ".
local function number(el, caption_blocks)
  local kind = kind_of(el.identifier)
  if not kind then
    return nil
  end
  counters[kind] = counters[kind] + 1
  numbers[el.identifier] = { kind = kind, n = counters[kind] }
  if is_html then
    local prefix = pandoc.Inlines({ pandoc.Str(names[kind] .. "\u{A0}" .. counters[kind] .. ":") })
    if #caption_blocks > 0 and caption_blocks[1].content then
      local first = caption_blocks[1]
      prefix:insert(pandoc.Space())
      prefix:extend(first.content)
      first.content = prefix
    else
      caption_blocks:insert(pandoc.Plain(prefix))
    end
  end
  return el
end

-- Section numbers as pandoc's --number-sections gives them, for @sec- references.
local function section(header)
  if header.classes:includes("unnumbered") then
    return nil
  end
  section_counters[header.level] = (section_counters[header.level] or 0) + 1
  for level = header.level + 1, 10 do
    section_counters[level] = nil
  end
  if header.identifier:match("^sec%-") then
    local parts = {}
    for level = 1, header.level do
      table.insert(parts, tostring(section_counters[level] or 0))
    end
    numbers[header.identifier] = { kind = "sec", n = table.concat(parts, ".") }
  end
end

local numbering = {
  traverse = "topdown",
  Header = section,
  Figure = function(fig)
    local blocks = pandoc.List(fig.caption.long)
    local out = number(fig, blocks)
    if out then
      fig.caption.long = blocks
      return fig
    end
  end,
  Table = function(tbl)
    local blocks = pandoc.List(tbl.caption.long)
    if number(tbl, blocks) then
      tbl.caption.long = blocks
      return tbl
    end
  end,
}

-- 4. @fig-x / @tbl-x: a link "Figure N" in HTML, a typst reference in typst.
local function refs(cite)
  local out = pandoc.Inlines({})
  for i, c in ipairs(cite.citations) do
    local kind = kind_of(c.id) or c.id:match("^(sec)%-")
    if not kind then
      return nil
    end
    if i > 1 then
      out:insert(pandoc.Str(","))
      out:insert(pandoc.Space())
    end
    local entry = numbers[c.id]
    if entry == nil then
      io.stderr:write("WARNING: unresolved cross-reference @" .. c.id .. "\n")
      out:insert(pandoc.Strong({ pandoc.Str("?@" .. c.id) }))
    elseif is_typst and (entry.kind ~= "sec" or number_sections) then
      out:insert(pandoc.RawInline("typst", "@" .. c.id))
    elseif is_typst then
      out:insert(pandoc.RawInline("typst", "#link(<" .. c.id .. ">)[" .. names.sec .. "]"))
    else
      local label = names[entry.kind]
      if entry.kind ~= "sec" or number_sections then
        label = label .. "\u{A0}" .. entry.n
      end
      local text = { pandoc.Str(label) }
      out:insert(pandoc.Link(text, "#" .. c.id, "", { class = "quarto-xref" }))
    end
  end
  return out
end

-- 5. Callouts: `::: {.callout-note title="..."}` or a first heading as the title.
local function callouts(div)
  local kind
  for _, class in ipairs(div.classes) do
    kind = kind or class:match("^callout%-(%a+)$")
  end
  if not kind or not callout_colors[kind] then
    return nil
  end
  local content = pandoc.List(div.content)
  local title
  if div.attributes["title"] then
    title = pandoc.read(div.attributes["title"], "markdown").blocks[1]
    title = title and title.content or pandoc.Inlines({})
  elseif content[1] and content[1].t == "Header" then
    title = content[1].content
    content:remove(1)
  else
    title = pandoc.Inlines({ pandoc.Str(callout_titles[kind] or (kind:sub(1, 1):upper() .. kind:sub(2))) })
  end
  if is_typst then
    local color = callout_colors[kind]
    local head = typst_of({ pandoc.Plain(title) }):gsub("%s+$", "")
    local out = pandoc.List({
      pandoc.RawBlock(
        "typst",
        "#block(width: 100%, inset: 8pt, radius: 2pt, fill: rgb("
          .. typst_string(color)
          .. ").lighten(90%), stroke: (left: 3pt + rgb("
          .. typst_string(color)
          .. ")))[\n#block(below: 0.8em)[#text(weight: \"bold\", fill: rgb("
          .. typst_string(color)
          .. "))["
          .. head
          .. "]]\n"
      ),
    })
    out:extend(content)
    out:insert(pandoc.RawBlock("typst", "]"))
    return out
  end
  local header = pandoc.Div({ pandoc.Plain(title) }, pandoc.Attr("", { "callout-title" }))
  local body = pandoc.Div(content, pandoc.Attr("", { "callout-body" }))
  local classes = { "callout", "callout-" .. kind }
  return pandoc.Div({ header, body }, pandoc.Attr(div.identifier, classes, {}))
end

-- 6. Images with paths relative to the document folder: typst resolves paths from the .typ file,
-- which lives in the build folder, so make them absolute (the typst root is "/"). An image's
-- description (its alt text) becomes typst's `alt:`, which pandoc's writer leaves out and a
-- PDF/UA file requires: what a screen reader reads for a chart.
local docdir = nil
local function images(img)
  if not is_typst then
    return nil
  end
  local src = img.src
  if docdir and not src:match("^/") and not src:match("^%a+:") then
    src = docdir .. "/" .. src
  end
  local alt = pandoc.utils.stringify(img.caption)
  if alt == "" then
    alt = img.attributes["fig-alt"] or img.attributes["alt"] or ""
  end
  if alt == "" then
    if src ~= img.src then
      img.src = src
      return img
    end
    return nil
  end
  return pandoc.RawInline("typst", "#box(image(" .. typst_string(src) .. ", alt: " .. typst_string(alt) .. "))")
end

-- 7. typst: the supplements of figures, tables and headings (what "@fig-x" and captions say)
-- and the caption separator, in the document's words rather than typst's own.
local function typst_words(doc)
  if not is_typst then
    return nil
  end
  local rules = {
    "#show figure.where(kind: image): set figure(supplement: " .. typst_string(names.fig) .. ")",
    "#show figure.where(kind: table): set figure(supplement: " .. typst_string(names.tbl) .. ")",
    "#set heading(supplement: " .. typst_string(names.sec) .. ")",
    '#set figure.caption(separator: ": ")',
  }
  doc.blocks:insert(1, pandoc.RawBlock("typst", table.concat(rules, "\n")))
  return doc
end

local function read_words(words)
  if words == nil then
    return
  end
  local function word(key)
    return words[key] and pandoc.utils.stringify(words[key]) or nil
  end
  names.fig = word("crossref-fig-title") or names.fig
  names.tbl = word("crossref-tbl-title") or names.tbl
  names.sec = word("crossref-sec-prefix") or names.sec
  skip_words = word("skip-link") or skip_words
  for kind, _ in pairs(callout_colors) do
    callout_titles[kind] = word("callout-" .. kind .. "-title")
  end
end

-- 5. typst makes every table a figure of kind table, counted even without a caption; Quarto
-- numbers only captioned or labelled tables. An unlabelled table without a caption (the key
-- figures) is written as a figure without a number, so "Table 1" is the same in both formats.
local function unnumbered_table(tbl)
  if not is_typst or tbl.identifier ~= "" or #tbl.caption.long > 0 then
    return nil
  end
  local code = pandoc.write(pandoc.Pandoc({ tbl }), "typst")
  local unnumbered, found = code:gsub(", kind: table%s*%)%s*$", ", kind: table, numbering: none\n)\n")
  if found ~= 1 then
    return nil
  end
  return pandoc.RawBlock("typst", unnumbered)
end

-- 8. Authors as typst strings: pandoc's typst template makes the PDF's author property with
-- `content-to-string`, which drops typst's smart quotes, so "d'openai-funding" would lose its
-- apostrophe ("dopenai-funding"); a string literal keeps every character as written.
local function typst_author(value)
  local kind = pandoc.utils.type(value)
  if kind == "Inlines" or kind == "string" then
    local text = pandoc.utils.stringify(value)
    if text ~= "" then
      return pandoc.Inlines({ pandoc.RawInline("typst", "#" .. typst_string(text)) })
    end
  end
  return value
end

local function typst_authors(meta)
  local author = meta.author
  if not is_typst or author == nil then
    return
  end
  if pandoc.utils.type(author) == "List" then
    for i, one in ipairs(author) do
      author[i] = typst_author(one)
    end
    meta.author = author
  else
    meta.author = typst_author(author)
  end
end

-- 9. Conditional content, as Quarto reads it: a Div or Span of class `content-visible` (or
-- `content-hidden`) with `when-format` or `unless-format` is kept (its content, unwrapped) or
-- dropped for the format being written; "html" names the HTML page, "typst" and "pdf" the PDF.
local function format_matches(name)
  if name == "html" or name == "html5" then
    return is_html
  end
  if name == "typst" or name == "pdf" then
    return is_typst
  end
  return FORMAT == name
end

local function conditional(el)
  local visible = el.classes:includes("content-visible")
  local hidden = el.classes:includes("content-hidden")
  local when, unless = el.attributes["when-format"], el.attributes["unless-format"]
  if (not visible and not hidden) or (when == nil and unless == nil) then
    return nil
  end
  local matches = (when == nil or format_matches(when))
    and (unless == nil or not format_matches(unless))
  if (visible and matches) or (hidden and not matches) then
    return el.content
  end
  return {}
end

-- 10. HTML landmarks: the content in `main`, reached from a skip link that comes before the title
-- block and the table of contents (pandoc's template writes `include-before` first in `body`).
local function landmarks(doc)
  if not is_html then
    return nil
  end
  doc.blocks:insert(1, pandoc.RawBlock("html", '<main id="quarto-document-content" tabindex="-1">'))
  doc.blocks:insert(pandoc.RawBlock("html", "</main>"))
  local skip = pandoc.Link({ pandoc.Str(skip_words) }, "#quarto-document-content", "", { class = "skip-link" })
  local before = pandoc.List(doc.meta["include-before"] or {})
  before:insert(1, pandoc.MetaBlocks({ pandoc.Plain({ skip }) }))
  doc.meta["include-before"] = before
  return doc
end

-- 11. HTML tables: each body cell names its column (`data-label`, the header's text).
local function cell_labels(tbl)
  if not is_html or #tbl.head.rows == 0 then
    return nil
  end
  local labels = {}
  for i, cell in ipairs(tbl.head.rows[#tbl.head.rows].cells) do
    labels[i] = pandoc.utils.stringify(cell.contents)
  end
  local function label_rows(rows)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        if labels[i] and labels[i] ~= "" then
          cell.attributes["data-label"] = labels[i]
        end
      end
    end
  end
  for _, body in ipairs(tbl.bodies) do
    label_rows(body.head)
    label_rows(body.body)
  end
  return tbl
end

return {
  { Div = conditional, Span = conditional },
  {
    Meta = function(meta)
      typst_authors(meta)
      docdir = meta["of-docdir"] and pandoc.utils.stringify(meta["of-docdir"])
      number_sections = meta["of-number-sections"] == true
      read_words(meta["of-words"])
      meta["of-docdir"] = nil
      meta["of-number-sections"] = nil
      meta["of-words"] = nil
      return meta
    end,
  },
  { RawBlock = html_tables, Image = images },
  { Div = callouts },
  { Div = floats },
  numbering,
  { Table = unnumbered_table },
  { Table = cell_labels },
  { Cite = refs },
  { Pandoc = typst_words },
  { Pandoc = landmarks },
}
