// Opening the local store or the central one by where it is.
#include "defuse/store/central.hpp"
#include "defuse/store/local.hpp"

namespace defuse::store {

std::unique_ptr<Source> openSource(const std::string& where, std::string& error) {
    if (isPostgresUrl(where)) return CentralStore::open(where, error);
    return LocalStore::open(where.empty() ? localStorePath() : std::filesystem::path(where), error);
}

}  // namespace defuse::store
