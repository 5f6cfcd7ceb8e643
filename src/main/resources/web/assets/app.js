// X-Demo-User
