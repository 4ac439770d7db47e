#pragma once
// A listener on 127.0.0.1, on a port of the system's choosing, that accepts nothing by itself:
// a client's connection completes (the kernel queues it) and is then never answered.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace chronomap::test_support {

struct Listener {
    int fd = -1;
    int port = 0;
    Listener() {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(fd, 16);
        socklen_t len = sizeof a;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~Listener() { ::close(fd); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    // Accepts and closes what is queued; how many connections were made.
    int connections() const {
        int n = 0;
        pollfd p{fd, POLLIN, 0};
        while (::poll(&p, 1, 50) > 0) {
            const int c = ::accept(fd, nullptr, nullptr);
            if (c < 0) break;
            ::close(c);
            ++n;
        }
        return n;
    }
};

}  // namespace chronomap::test_support
