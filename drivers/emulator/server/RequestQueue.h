#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"
#include "fiscal/FiscalDevice.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace sigma::drivers::emulator {

/// The requests of ATOL's web-server API (`POST /api/v2/requests`) and their tasks, executed one at
/// a time, in arrival order, by one worker thread: a register does one thing at a time, and the
/// HTTP threads must not wait for the printer.
///
/// The table of requests lives in memory and is bounded: beyond `maxRequests` the oldest finished
/// request is forgotten (its uuid then answers 404 and may be used again). A request that is still
/// waiting is never dropped; when every remembered request is unfinished, submit() refuses.
class RequestQueue {
public:
    static constexpr std::size_t kMaxRequests = 1000;
    static constexpr std::size_t kMaxTasksPerRequest = 100;

    /// `device` must outlive the queue; only the worker thread uses it.
    explicit RequestQueue(fiscal::FiscalDevice& device, std::size_t maxRequests = kMaxRequests);
    ~RequestQueue(); ///< stop()s
    RequestQueue(const RequestQueue&) = delete;
    RequestQueue& operator=(const RequestQueue&) = delete;

    /// Queues the tasks of request `uuid`. kWebRequestDuplicate when the uuid is still in the
    /// table; kPortBusy when the table holds only unfinished requests or the queue is stopping.
    [[nodiscard]] core::Status submit(const std::string& uuid, std::vector<core::Json> tasks);

    /// `{"results": [{"status", "errorCode", "errorDescription", "result"}, ...]}`, one entry per
    /// task in order; kWebRequestNotFound for an unknown uuid.
    [[nodiscard]] core::Result<core::Json> results(const std::string& uuid) const;

    /// Refuses new requests, executes the ones already accepted (a client that got 201 was told
    /// its tasks would run), then joins the worker. Idempotent.
    void stop();

private:
    enum class TaskStatus {
        Wait = 1,
        InProgress,
        Ready,
        Error,
        Interrupted, ///< not executed because an earlier task of the request failed
    };

    struct TaskSlot {
        TaskStatus status = TaskStatus::Wait;
        core::Json task;
        core::Json result;
        int errorCode = 0;
        std::string errorDescription;
    };

    struct Request {
        std::vector<TaskSlot> slots;
        bool finished = false;
    };

    void run();
    void execute(Request& request);
    /// Makes room for one more request; false when nothing can be forgotten. Needs m_mutex.
    bool evictOne();

    static const char* statusName(TaskStatus status);

    fiscal::FiscalDevice& m_device;
    const std::size_t m_maxRequests;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::unordered_map<std::string, std::shared_ptr<Request>> m_requests;
    std::deque<std::string> m_order;                  ///< uuids, oldest first
    std::deque<std::shared_ptr<Request>> m_pending;   ///< accepted, not started
    bool m_stopping = false;
    std::thread m_worker; ///< last: started after everything it uses exists
};

} // namespace sigma::drivers::emulator
