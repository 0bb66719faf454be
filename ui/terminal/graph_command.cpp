// `defuse graph`: the engine's layout of a scenario written as SVG or Graphviz DOT.
#include "graph_command.hpp"

#include <cstdio>
#include <iostream>
#include <sstream>

#include "defuse/analysis.hpp"
#include "defuse/files.hpp"
#include "defuse/mood_step.hpp"
#include "defuse/text.hpp"
#include "markup.hpp"
#include "play.hpp"

namespace defuse::term {

namespace {

std::string hex(Rgb c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(c & 0xFFFFFF));
    return buf;
}

std::string xml(std::string_view s) { return escapeMarkup(s); }

std::string dotQuote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// The first `columns` columns of one line of text, with "…" when cut.
std::string clip(const std::string& text, int columns) {
    std::string flat = printable(text);
    for (auto& c : flat)
        if (c == '\n') c = ' ';
    std::string out;
    int used = 0;
    for (std::size_t i = 0; i < flat.size();) {
        unsigned char b = static_cast<unsigned char>(flat[i]);
        std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
        std::string piece = flat.substr(i, len);
        int w = displayWidth(piece);
        if (used + w > columns) return out + "\xE2\x80\xA6";
        out += piece;
        used += w;
        i += len;
    }
    return out;
}

}  // namespace

// The label's second line: what the customer says at a node, or an ending's title and kind.
static std::string subtitle(const Scenario& sc, const GraphNode& n, Lang lang) {
    std::string code(langCode(lang));
    if (n.isEnding) {
        const Ending* e = sc.ending(n.id);
        return e ? e->title.get(code) : "";
    }
    const Node* x = sc.node(n.id);
    return x ? x->say.get(code) : "";
}

std::string graphSvg(const Scenario& sc, const GraphLayout& g, Lang lang, int bestScore,
                     int worstScore, bool exact) {
    const double top = 70;                              // the legend's band
    const double svgWidth = std::max(g.width, 1100.0);  // the legend's width at least
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << svgWidth << "\" height=\""
      << g.height + top << "\" viewBox=\"0 0 " << svgWidth << " " << g.height + top
      << "\" font-family=\"Noto Sans, Noto Sans CJK SC, DejaVu Sans, sans-serif\">\n"
      << "<title>" << xml(sc.title.get(std::string(langCode(lang)))) << "</title>\n"
      << "<defs>\n";
    for (Rgb c : {angerColour(AngerEffect::Calms), angerColour(AngerEffect::Neutral),
                  angerColour(AngerEffect::Angers)})
        o << "<marker id=\"arrow" << hex(c).substr(1)
          << "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
             "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\""
          << hex(c) << "\"/></marker>\n";
    o << "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
    // The legend.
    auto say = [&](const Message& m) { return xml(render(m, lang)); };
    double lx = 20;
    auto swatch = [&](Rgb c, const std::string& text, const char* dash, double width) {
        o << "<line x1=\"" << lx << "\" y1=\"22\" x2=\"" << lx + 28 << "\" y2=\"22\" stroke=\""
          << hex(c) << "\" stroke-width=\"" << width << "\"" << dash << "/>"
          << "<text x=\"" << lx + 34 << "\" y=\"26\" font-size=\"13\">" << text << "</text>\n";
        lx += 46 + 8.0 * static_cast<double>(displayWidth(text)) * 0.95;
    };
    swatch(angerColour(AngerEffect::Calms), say(Msg::WbLegendCalms), "", 2);
    swatch(angerColour(AngerEffect::Neutral), say(Msg::WbLegendNeutral), "", 2);
    swatch(angerColour(AngerEffect::Angers), say(Msg::WbLegendAngers), "", 2);
    if (bestScore >= 0)
        swatch(kGraphBestColour,
               say(Message(exact ? Msg::WbLegendBest : Msg::WbLegendBestFound,
                           {Message::num(static_cast<long long>(bestScore))})),
               " stroke-opacity=\"0.35\"", 9);
    if (worstScore >= 0)
        swatch(kGraphWorstColour,
               say(Message(exact ? Msg::WbLegendWorst : Msg::WbLegendWorstFound,
                           {Message::num(static_cast<long long>(worstScore))})),
               " stroke-opacity=\"0.35\" stroke-dasharray=\"6 4\"", 9);
    lx = 20;
    auto box = [&](Rgb fill, Rgb border, const std::string& text, const char* dash) {
        o << "<rect x=\"" << lx << "\" y=\"40\" width=\"28\" height=\"16\" rx=\"4\" fill=\""
          << hex(fill) << "\" stroke=\"" << hex(border) << "\" stroke-width=\"2\"" << dash
          << "/><text x=\"" << lx + 34 << "\" y=\"53\" font-size=\"13\">" << text << "</text>\n";
        lx += 46 + 8.0 * static_cast<double>(displayWidth(text)) * 0.95;
    };
    for (EndingKind k :
         {EndingKind::Resolved, EndingKind::Partial, EndingKind::Escalated, EndingKind::Lost}) {
        Rgb c = endingColour(k);
        box(c, c, say(Message(endingKindMsg(k))), "");
    }
    box(kGraphUnreachableFill, kGraphUnreachableBorder, say(Msg::WbLegendUnreachable),
        " stroke-dasharray=\"4 3\"");
    box(kGraphNodeFill, kGraphDeadEndBorder, say(Msg::WbLegendDeadEnd), "");

    o << "<g transform=\"translate(0," << top << ")\">\n";
    auto pathOf = [](const GraphEdge& e) {
        std::ostringstream p;
        for (std::size_t i = 0; i < e.points.size(); ++i)
            p << (i == 0 ? "M" : " L") << e.points[i].x << "," << e.points[i].y;
        return p.str();
    };
    // Highlights under the edges: the best path, then the worst.
    for (const auto& e : g.edges) {
        if (e.onBest)
            o << "<path d=\"" << pathOf(e) << "\" fill=\"none\" stroke=\"" << hex(kGraphBestColour)
              << "\" stroke-width=\"10\" stroke-opacity=\"0.35\" class=\"best\"/>\n";
        if (e.onWorst)
            o << "<path d=\"" << pathOf(e) << "\" fill=\"none\" stroke=\"" << hex(kGraphWorstColour)
              << "\" stroke-width=\"10\" stroke-opacity=\"0.35\" stroke-dasharray=\"6 4\" "
                 "class=\"worst\"/>\n";
    }
    for (const auto& e : g.edges) {
        o << "<path d=\"" << pathOf(e) << "\" fill=\"none\" stroke=\"" << hex(e.colour)
          << "\" stroke-width=\"" << (e.anger == 0 ? 1.5 : 2.2) << "\" marker-end=\"url(#arrow"
          << hex(e.colour).substr(1) << ")\"><title>" << xml(e.answer) << ": "
          << say(describeDelta([&] {
                 MoodDelta d;
                 d.add(Dim::Anger, e.anger);
                 return d;
             }()))
          << "</title></path>\n";
        // The label halfway along the first stretch, where the edges from one node part.
        const GraphPoint& p = e.points[0];
        const GraphPoint& q = e.points[1];
        std::string label = e.answer + " " + (e.anger > 0 ? "+" : "") + std::to_string(e.anger);
        double tx = (p.x + q.x) / 2 + 3, ty = (p.y + q.y) / 2 - 2;
        o << "<text x=\"" << tx << "\" y=\"" << ty << "\" font-size=\"9\" fill=\"" << hex(e.colour)
          << "\">" << xml(clip(label, 22)) << "</text>\n";
    }
    for (const auto& n : g.nodes) {
        const char* dash = n.unreachable ? " stroke-dasharray=\"5 3\"" : "";
        double stroke = n.start || n.deadEnd ? 3 : 1.5;
        o << "<g class=\"node" << (n.isEnding ? " ending" : "")
          << (n.unreachable ? " unreachable" : "") << (n.deadEnd ? " dead-end" : "") << "\" id=\"n-"
          << xml(n.id) << "\">";
        if (n.onBest || n.onWorst)
            o << "<rect x=\"" << n.x - 4 << "\" y=\"" << n.y - 4 << "\" width=\""
              << kGraphNodeWidth + 8 << "\" height=\"" << kGraphNodeHeight + 8
              << "\" rx=\"10\" fill=\"none\" stroke=\""
              << hex(n.onBest ? kGraphBestColour : kGraphWorstColour)
              << "\" stroke-width=\"4\" stroke-opacity=\"0.5\"/>";
        o << "<rect x=\"" << n.x << "\" y=\"" << n.y << "\" width=\"" << kGraphNodeWidth
          << "\" height=\"" << kGraphNodeHeight << "\" rx=\"" << (n.isEnding ? 16 : 6)
          << "\" fill=\"" << hex(n.fill) << "\" stroke=\"" << hex(n.border) << "\" stroke-width=\""
          << stroke << "\"" << dash << "/>";
        std::string head = n.id;
        if (n.start) head = "\xE2\x96\xB6 " + head;
        if (n.deadEnd) head += " \xE2\x9A\xA0";
        o << "<text x=\"" << n.x + 8 << "\" y=\"" << n.y + 18
          << "\" font-size=\"13\" font-weight=\"bold\" fill=\"#1B1B1B\">" << xml(clip(head, 24))
          << "</text>";
        o << "<text x=\"" << n.x + 8 << "\" y=\"" << n.y + 36
          << "\" font-size=\"11\" fill=\"#3A3A3A\">" << xml(clip(subtitle(sc, n, lang), 28))
          << "</text>";
        o << "<title>" << xml(n.id) << "\n" << xml(subtitle(sc, n, lang)) << "</title></g>\n";
    }
    o << "</g>\n</svg>\n";
    return o.str();
}

std::string graphDot(const Scenario& sc, const GraphLayout& g, Lang lang) {
    std::ostringstream o;
    o << "digraph " << dotQuote(sc.id) << " {\n"
      << "  rankdir=TB; ordering=out; node [shape=box, style=\"rounded,filled\", fontname=\"Noto "
         "Sans CJK SC\"];\n"
      << "  label=" << dotQuote(sc.title.get(std::string(langCode(lang)))) << ";\n";
    for (int l = 0; l < g.layers; ++l) {
        o << "  { rank=same;";
        for (const auto& n : g.nodes)
            if (n.layer == l) o << " " << dotQuote(n.id) << ";";
        o << " }\n";
    }
    for (const auto& n : g.nodes) {
        std::string label = n.id + "\n" + clip(subtitle(sc, n, lang), 28);
        std::string style = n.isEnding ? "rounded,filled,bold" : "rounded,filled";
        if (n.unreachable) style += ",dashed";
        o << "  " << dotQuote(n.id) << " [label=" << dotQuote(label) << ", fillcolor=\""
          << hex(n.fill) << "\", color=\"" << hex(n.border) << "\", style=\"" << style << "\""
          << (n.start || n.deadEnd ? ", penwidth=3" : "") << (n.onBest ? ", peripheries=2" : "")
          << "];\n";
    }
    for (const auto& e : g.edges) {
        std::string colour = hex(e.colour);
        if (e.onBest) colour = hex(kGraphBestColour) + ":" + colour;
        if (e.onWorst) colour = hex(kGraphWorstColour) + ":" + colour;
        o << "  " << dotQuote(g.nodes[static_cast<std::size_t>(e.from)].id) << " -> "
          << dotQuote(g.nodes[static_cast<std::size_t>(e.to)].id) << " [label="
          << dotQuote(e.answer + " " + (e.anger > 0 ? "+" : "") + std::to_string(e.anger))
          << ", color=\"" << colour << "\", fontcolor=\"" << hex(e.colour) << "\""
          << (e.onBest || e.onWorst ? ", penwidth=2.5" : "") << (e.back ? ", constraint=false" : "")
          << "];\n";
    }
    o << "}\n";
    return o.str();
}

namespace {

struct GraphOptions {
    std::string scenario, format = "svg", out, lang;
    std::uint64_t seed = 1;
};

int graphCommand(const GraphOptions& opt, Lang fallback) {
    Lang lang = opt.lang.empty() ? fallback : langFromCode(opt.lang);
    auto sc = resolveScenario(opt.scenario, lang);
    if (!sc) return 1;
    AnalysisOptions ao;
    ao.seed = opt.seed;
    ao.randomRuns = 0;
    Analysis a = analyze(sc, ao);
    GraphLayout g = layoutGraph(*sc, &a.best, &a.worst, opt.seed);
    std::string text = opt.format == "dot"
                           ? graphDot(*sc, g, lang)
                           : graphSvg(*sc, g, lang, a.best.score, a.worst.score, a.exact);
    if (opt.out.empty() || opt.out == "-") {
        std::cout << text;
        return 0;
    }
    std::string error;
    if (!writeFileAtomic(opt.out, text, &error)) {
        std::cerr << render(Message(Msg::WbGraphCannotWrite, {Message(opt.out), Message(error)}),
                            lang)
                  << "\n";
        return 4;
    }
    int endings = 0;
    for (const auto& n : g.nodes) endings += n.isEnding ? 1 : 0;
    std::cerr << render(
                     Message(Msg::WbGraphWritten,
                             {Message::num(static_cast<long long>(g.nodes.size()) - endings),
                              Message::num(static_cast<long long>(endings)),
                              Message::num(static_cast<long long>(g.layers)),
                              Message::num(static_cast<long long>(g.crossings)), Message(opt.out)}),
                     lang)
              << "\n";
    return 0;
}

}  // namespace

void addGraphCommand(CLI::App& app, int& exitCode, Lang localeLang) {
    auto opt = std::make_shared<GraphOptions>();
    CLI::App* g = app.add_subcommand(
        "graph", "The scenario as a graph (SVG or Graphviz DOT): depth, anger, endings, paths");
    g->add_option("scenario", opt->scenario, "Scenario file, or a bundled scenario's id")
        ->required();
    g->add_option("--format", opt->format, "svg (default) or dot")
        ->check(CLI::IsMember({"svg", "dot"}));
    g->add_option("-o,--output", opt->out, "Write to this file (default: standard output)");
    g->add_option("--lang", opt->lang, "Labels in en or zh (default: the locale's)")
        ->check(CLI::IsMember({"en", "zh"}));
    g->add_option("--seed", opt->seed, "Seed of the analysis that finds the best and worst path");
    g->callback([opt, &exitCode, localeLang] { exitCode = graphCommand(*opt, localeLang); });
}

}  // namespace defuse::term
