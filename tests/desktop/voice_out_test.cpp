// The customer's voice in the window: on by default on the phone, listen only hides the line
// being answered and holds the answers until it has been said, and nothing waits on audio.
#include "voice_out.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <thread>

#include "defuse/library.hpp"
#include "services.hpp"

using namespace defuse;
using namespace defuse::desktop;

namespace {

std::shared_ptr<const Scenario> bundled(const char* id) {
    static Library library = [] {
        Library l;
        l.addFolder(DEFUSE_SCENARIO_DIR, true);
        return l;
    }();
    const LibraryEntry* e = library.find(id);
    REQUIRE(e != nullptr);
    return e->scenario;
}

void waitUntil(const std::function<bool()>& done) {
    for (int i = 0; i < 300 && !done(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace

TEST_CASE("the speaker: on by default on the phone, listen only waits for the line",
          "[desktop][voice]") {
    ::setenv("DEFUSE_VOICE_DATA",
             (std::filesystem::path(DEFUSE_SCENARIO_DIR) / ".." / "assets" / "voice").c_str(), 1);
    Services ui("en", true);
    ui.frames.begin(1.0);
    VoiceOut voice;
    voice.setSilent(true);  // timed, never played

    Play call(bundled("phone-angry-call"), AttemptOptions{});
    auto t0 = std::chrono::steady_clock::now();
    voice.update(ui, call, 1);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));
    CHECK(voice.speakerOn());
    CHECK(voice.speaking());
    CHECK_FALSE(voice.hidingLine());  // the words show unless listen only is chosen
    CHECK_FALSE(voice.waitingForLine());
    voice.setListenOnly(true);
    CHECK(voice.hidingLine());
    CHECK(voice.waitingForLine());  // the answers and the clock wait for the line
    voice.stop();                   // said (or cut short): the answers may come
    waitUntil([&] { return !voice.speaking(); });
    CHECK_FALSE(voice.waitingForLine());
    CHECK(voice.hidingLine());  // its words still wait for the answer
    CHECK(ui.toast().text.empty());

    voice.setSpeaker(false);  // no voice: nothing to listen to, the words show
    CHECK_FALSE(voice.hidingLine());

    Play visit(bundled("brake-pads-furious"), AttemptOptions{});
    voice.update(ui, visit, 2);
    CHECK_FALSE(voice.speakerOn());  // in person: off until the trainee turns it on
    CHECK_FALSE(voice.speaking());
    voice.setSpeaker(true);
    voice.update(ui, visit, 2);
    CHECK(voice.speaking());
    voice.setSpeaker(false);
    waitUntil([&] { return !voice.speaking(); });
    CHECK_FALSE(voice.speaking());
}
