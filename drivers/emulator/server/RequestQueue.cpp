#include "drivers/emulator/server/RequestQueue.h"

#include "fiscal/AtolErrors.h"

#include <exception>

namespace sigma::drivers::emulator {

namespace atol = fiscal::atol;

RequestQueue::RequestQueue(fiscal::FiscalDevice& device, std::size_t maxRequests)
    : m_device(device), m_maxRequests(maxRequests == 0 ? 1 : maxRequests), m_worker([this] { run(); })
{
}

RequestQueue::~RequestQueue()
{
    stop();
}

core::Status RequestQueue::submit(const std::string& uuid, std::vector<core::Json> tasks)
{
    auto request = std::make_shared<Request>();
    request->slots.resize(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        request->slots[i].task = std::move(tasks[i]);
    }

    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return fiscal::atolError(atol::kPortBusy, "the emulator is shutting down");
        }
        if (m_requests.contains(uuid)) {
            return fiscal::atolError(atol::kWebRequestDuplicate, "'" + uuid + "'", "uuid");
        }
        if (m_requests.size() >= m_maxRequests && !evictOne()) {
            return fiscal::atolError(atol::kPortBusy, std::to_string(m_requests.size()) +
                                                          " requests are still waiting; try again later");
        }
        m_requests.emplace(uuid, request);
        m_order.push_back(uuid);
        m_pending.push_back(std::move(request));
    }
    m_wake.notify_one();
    return core::ok();
}

bool RequestQueue::evictOne()
{
    for (auto it = m_order.begin(); it != m_order.end(); ++it) {
        auto found = m_requests.find(*it);
        if (found == m_requests.end()) {
            continue; // cannot happen: the two are kept in step
        }
        if (found->second->finished) {
            m_requests.erase(found);
            m_order.erase(it);
            return true;
        }
    }
    return false;
}

core::Result<core::Json> RequestQueue::results(const std::string& uuid) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_requests.find(uuid);
    if (found == m_requests.end()) {
        return fiscal::atolError(atol::kWebRequestNotFound, "'" + uuid + "'", "uuid");
    }
    core::Json list = core::Json::array();
    for (const auto& slot : found->second->slots) {
        const bool done = slot.status == TaskStatus::Ready;
        list.push_back({{"status", statusName(slot.status)},
                        {"errorCode", slot.errorCode},
                        {"errorDescription", slot.errorCode == 0 ? std::string(fiscal::atolErrorDescription(atol::kOk))
                                                                 : slot.errorDescription},
                        {"result", done ? slot.result : core::Json(nullptr)}});
    }
    return core::Json{{"results", std::move(list)}};
}

void RequestQueue::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

void RequestQueue::run()
{
    for (;;) {
        std::shared_ptr<Request> request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
            if (m_pending.empty()) {
                return; // stopping, and everything accepted has been executed
            }
            request = std::move(m_pending.front());
            m_pending.pop_front();
        }
        execute(*request);
    }
}

void RequestQueue::execute(Request& request)
{
    bool failed = false;
    for (auto& slot : request.slots) {
        if (failed) {
            // ATOL's web server does not run the rest of a request after a failed task: they were
            // sent together because they belong together (e.g. a receipt, then its copy).
            const std::lock_guard lock(m_mutex);
            slot.status = TaskStatus::Interrupted;
            slot.errorCode = atol::kDriverFailure;
            slot.errorDescription = fiscal::atolError(atol::kDriverFailure,
                                                      "not executed because an earlier task of the request failed")
                                        .message;
            continue;
        }
        {
            const std::lock_guard lock(m_mutex);
            slot.status = TaskStatus::InProgress;
        }
        core::Result<core::Json> outcome = core::Error();
        try {
            outcome = m_device.execute(slot.task);
        } catch (const std::exception& e) {
            // execute() promises not to throw; if it does, the request still gets an answer.
            outcome = fiscal::atolError(atol::kDriverFailure, e.what());
        }
        const std::lock_guard lock(m_mutex);
        if (outcome.ok()) {
            slot.status = TaskStatus::Ready;
            slot.result = std::move(*outcome);
        } else {
            slot.status = TaskStatus::Error;
            slot.errorCode = outcome.error().code == 0 ? atol::kDriverFailure : outcome.error().code;
            slot.errorDescription = outcome.error().message;
            failed = true;
        }
        slot.task = core::Json(); // no longer needed; the table keeps up to 1000 requests
    }
    const std::lock_guard lock(m_mutex);
    request.finished = true;
}

const char* RequestQueue::statusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Wait: return "wait";
    case TaskStatus::InProgress: return "inProgress";
    case TaskStatus::Ready: return "ready";
    case TaskStatus::Error: return "error";
    case TaskStatus::Interrupted: return "interrupted";
    }
    return "error";
}

} // namespace sigma::drivers::emulator
