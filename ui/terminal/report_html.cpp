// The HTML class report: one self-contained file (inline CSS and SVG), printable on A4.
#include <algorithm>
#include <map>
#include <set>

#include "defuse/notes.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/version.hpp"
#include "markup.hpp"
#include "report_data.hpp"

namespace defuse::term {

namespace {

std::string esc(std::string_view s) { return escapeMarkup(s); }

// The mood curve as a small inline SVG: anger red, trust blue, patience green, 0-100.
std::string moodSvg(const std::vector<Mood>& curve, Lang lang) {
    const int w = 120, h = 40;
    std::string out = "<svg class=\"mood\" width=\"" + std::to_string(w) + "\" height=\"" +
                      std::to_string(h) + "\" viewBox=\"0 0 " + std::to_string(w) + " " +
                      std::to_string(h) + "\" role=\"img\" aria-label=\"" +
                      esc(render(Msg::HtmlMood, lang)) + "\">";
    out += "<rect x=\"0.5\" y=\"0.5\" width=\"" + std::to_string(w - 1) + "\" height=\"" +
           std::to_string(h - 1) + "\" fill=\"#fff\" stroke=\"#ccc\"/>";
    const struct {
        Dim dim;
        const char* colour;
    } lines[] = {{Dim::Anger, "#c62828"}, {Dim::Trust, "#1565c0"}, {Dim::Patience, "#2e7d32"}};
    std::size_t n = curve.size();
    for (const auto& l : lines) {
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) {
            double x = 3 + (n > 1 ? (w - 6.0) * static_cast<double>(i) / (n - 1) : 0);
            double y = 3 + (h - 6.0) * (100 - curve[i].get(l.dim)) / 100.0;
            char buf[48];
            std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", pts.empty() ? "" : " ", x, y);
            pts += buf;
        }
        out += "<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"" + std::string(l.colour) +
               "\" points=\"" + pts + "\"/>";
    }
    return out + "</svg>";
}

std::string signatureText(SignatureState s, Lang lang) {
    switch (s) {
        case SignatureState::Unsigned:
            return render(Msg::HtmlSigUnsigned, lang);
        case SignatureState::Signed:
            return render(Msg::HtmlSigSigned, lang);
        case SignatureState::Valid:
            return render(Msg::HtmlSigValid, lang);
        case SignatureState::NotValid:
            return render(Msg::HtmlSigNotValid, lang);
    }
    return {};
}

// "2026-11-30 00:11" from an ISO 8601 time.
std::string dateTime(const std::string& iso) {
    std::string s = iso.substr(0, 16);
    if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
    return s;
}

std::string minutes(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", seconds / 60);
    return buf;
}

const char* kStyle = R"(
@page { size: A4; margin: 14mm; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #222; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1.5px solid #444; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p.summary { color: #555; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; text-align: left; vertical-align: middle; }
th { background: #eee; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nw { white-space: nowrap; }
tr { break-inside: avoid; }
.bad { color: #b71c1c; font-weight: 600; }
.note { color: #666; font-size: 8.5pt; }
.legend span { display: inline-block; margin-right: 4mm; }
.legend i { display: inline-block; width: 5mm; height: 2px; vertical-align: middle; margin-right: 1mm; }
svg.mood { display: block; }
section { break-inside: auto; }
)";

}  // namespace

std::string htmlReport(const std::vector<ReportRun>& runs, Lang lang) {
    auto t = [lang](const Message& m) { return esc(render(m, lang)); };
    std::set<std::string> trainees, scenarios;
    std::map<std::string, std::vector<const ReportRun*>> byScenario;
    for (const auto& r : runs) {
        trainees.insert(r.replay.trainee);
        scenarios.insert(r.replay.scenarioId);
        byScenario[r.replay.scenarioId].push_back(&r);
    }
    std::string out = "<!DOCTYPE html>\n<html lang=\"" +
                      std::string(lang == Lang::Zh ? "zh-CN" : "en") +
                      "\"><head><meta charset=\"utf-8\"><title>" + t(Msg::HtmlTitle) +
                      "</title><style>" + kStyle + "</style></head><body>\n";
    out += "<h1>" + t(Msg::HtmlTitle) + "</h1>\n";
    out += "<p class=\"summary\">" +
           t(Message(Msg::HtmlSummary, {Message::num(static_cast<long long>(runs.size())),
                                        Message::num(static_cast<long long>(trainees.size())),
                                        Message::num(static_cast<long long>(scenarios.size())),
                                        nowIso8601().substr(0, 10), std::string(kEngineVersion)})) +
           "</p>\n";
    out += "<p class=\"legend note\"><span><i style=\"background:#c62828\"></i>" +
           t(Msg::DimAnger) + "</span><span><i style=\"background:#1565c0\"></i>" +
           t(Msg::DimTrust) + "</span><span><i style=\"background:#2e7d32\"></i>" +
           t(Msg::DimPatience) + "</span></p>\n";
    for (auto& [id, list] : byScenario) {
        std::sort(list.begin(), list.end(), [](const ReportRun* a, const ReportRun* b) {
            return std::tie(a->replay.trainee, a->replay.started) <
                   std::tie(b->replay.trainee, b->replay.started);
        });
        const ReportRun& first = *list.front();
        out += "<section>\n<h2>" + t(Message(Msg::HtmlScenarioHead, {first.title, id})) + "</h2>\n";
        // Each run.
        out += "<h3>" + t(Msg::HtmlRuns) + "</h3>\n<table><tr><th>" + t(Msg::HtmlTrainee) +
               "</th><th>" + t(Msg::HtmlDate) + "</th><th>" + t(Msg::HtmlMode) +
               "</th><th class=\"num\">" + t(Msg::HtmlDuration) + "</th><th>" + t(Msg::HtmlEnding) +
               "</th><th class=\"num\">" + t(Msg::HtmlScore) + "</th><th>" + t(Msg::HtmlMood) +
               "</th><th>" + t(Msg::HtmlSignature) + "</th><th>" + t(Msg::HtmlMark) +
               "</th></tr>\n";
        for (const ReportRun* r : list) {
            const ScoreReport& rep = r->scored.report;
            const Replay& rp = r->replay;
            std::string ending =
                rep.finished ? t(Message(endingKindMsg(rep.endingKind)))
                             : t(rp.abandoned.empty() ? Msg::HtmlNotFinished : Msg::HtmlAbandoned);
            if (!rp.resumed.empty())
                ending += "<div class=\"note\">" +
                          t(Message(Msg::HtmlBreaks,
                                    {Message::num(static_cast<long long>(rp.resumed.size()))})) +
                          "</div>";
            if (r->scenarioChanged)
                ending += "<div class=\"bad\">" + t(Msg::HtmlChanged) + "</div>";
            std::string mark =
                rp.notes.mark == OverrideMark::None
                    ? ""
                    : t(Message(rp.notes.mark == OverrideMark::Pass ? Msg::MarkPass
                                                                    : Msg::MarkFail)) +
                          "<div class=\"note\">" + esc(rp.notes.reason) + "</div>";
            out +=
                "<tr><td>" + esc(rp.trainee.empty() ? render(Msg::NoTrainee, lang) : rp.trainee) +
                "</td><td class=\"nw\">" + esc(dateTime(rp.started)) + "</td><td class=\"nw\">" +
                t(rp.mode == Mode::Practice ? Msg::ModePractice : Msg::ModeAssessment) +
                "</td><td class=\"num\">" +
                t(Message(Msg::HtmlMinutes, {minutes(r->durationSeconds)})) + "</td><td>" + ending +
                "</td><td class=\"num\"><b>" + std::to_string(rep.total) + "</b> (" +
                esc(rep.grade) + ")</td><td>" + moodSvg(r->moodCurve, lang) + "</td><td" +
                (r->signature == SignatureState::NotValid ? " class=\"bad nw\"" : " class=\"nw\"") +
                ">" + esc(signatureText(r->signature, lang)) + "</td><td>" + mark + "</td></tr>\n";
        }
        out += "</table>\n";
        // Critical mistakes.
        out += "<h3>" + t(Msg::HtmlCriticals) + "</h3>\n";
        std::string crit;
        for (const ReportRun* r : list)
            for (const auto& c : r->scored.report.criticals)
                crit += "<li>" +
                        t(Message(Msg::HtmlCriticalLine,
                                  {r->replay.trainee, Message::num(static_cast<long long>(c.turn)),
                                   Message::of(c.reason)})) +
                        "</li>\n";
        out += crit.empty() ? "<p>" + t(Msg::HtmlNone) + "</p>\n" : "<ul>\n" + crit + "</ul>\n";
        // Per-competency averages.
        out += "<h3>" + t(Msg::HtmlCompetencies) + "</h3>\n<table><tr>";
        for (int c = 0; c < kCompetencyCount; ++c)
            out += "<th class=\"num\">" + t(competencyMsg(static_cast<Competency>(c))) + "</th>";
        out += "</tr><tr>";
        for (int c = 0; c < kCompetencyCount; ++c) {
            double sum = 0;
            for (const ReportRun* r : list)
                sum += r->scored.report.competencyUses[static_cast<std::size_t>(c)];
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.1f", sum / static_cast<double>(list.size()));
            out += "<td class=\"num\">" + std::string(buf) + "</td>";
        }
        out += "</tr></table>\n";
        // Each trainee's first and best.
        out += "<h3>" + t(Msg::HtmlFirstBest) + "</h3>\n<table><tr><th>" + t(Msg::HtmlTrainee) +
               "</th><th class=\"num\">" + t(Msg::HtmlAttempts) + "</th><th class=\"num\">" +
               t(Msg::HtmlFirst) + "</th><th class=\"num\">" + t(Msg::HtmlBest) + "</th></tr>\n";
        std::map<std::string, std::vector<const ReportRun*>> byTrainee;
        for (const ReportRun* r : list) byTrainee[r->replay.trainee].push_back(r);
        for (const auto& [who, rs] : byTrainee) {
            int best = 0;
            for (const ReportRun* r : rs) best = std::max(best, r->scored.report.total);
            out += "<tr><td>" + esc(who.empty() ? render(Msg::NoTrainee, lang) : who) +
                   "</td><td class=\"num\">" + std::to_string(rs.size()) +
                   "</td><td class=\"num\">" + std::to_string(rs.front()->scored.report.total) +
                   "</td><td class=\"num\">" + std::to_string(best) + "</td></tr>\n";
        }
        out += "</table>\n</section>\n";
    }
    return out + "</body></html>\n";
}

}  // namespace defuse::term
