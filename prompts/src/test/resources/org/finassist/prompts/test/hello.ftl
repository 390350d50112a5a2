你好，${name}。价格 ${price}，成交额 ${amount}。
